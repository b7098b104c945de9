/** What a tenant dashboard reads: counters, the activity log, and everything at once. */
package dev.herald.api.dashboard;
