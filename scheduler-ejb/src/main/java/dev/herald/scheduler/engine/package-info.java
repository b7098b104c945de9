/**
 * The forwarding engine: the claim loop leases due cycles from PostgreSQL and fires them from an
 * in-memory timer at their planned time; each runs as a chain of scheduled continuations (no thread
 * ever sleeps through a delay) on the managed scheduled executor {@code concurrent/heraldEngine},
 * with delivery records group-committed before each send and outcomes written behind.
 */
package dev.herald.scheduler.engine;
