/**
 * The forwarding engine's rules and ports: cycle planning (which sender posts to which chat), what
 * each send outcome means for the session and the bot, and the engine's stores by concern (leases
 * and nodes, the delivery ledger, session penalties, housekeeping).
 */
package dev.herald.domain.engine;
