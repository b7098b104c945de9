/** The caller's bot: its configuration and state. */
package dev.herald.api.bot;
