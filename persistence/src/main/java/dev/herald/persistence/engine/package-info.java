/**
 * The forwarding engine's PostgreSQL queries: claiming with SKIP LOCKED, leases, delivery records.
 */
package dev.herald.persistence.engine;
