/**
 * What a tenant dashboard reads: the views of counters and activity entries ({@code /bot/stats},
 * {@code /bot/logs} are served by the bot resource) and everything at once ({@code /sync/state}).
 */
package dev.herald.api.dashboard;
