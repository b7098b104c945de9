/**
 * The forwarding engine's rules and ports: cycle planning (which sender posts to which chat), what
 * each send outcome means for the session and the bot, and the store of due work.
 */
package dev.herald.domain.engine;
