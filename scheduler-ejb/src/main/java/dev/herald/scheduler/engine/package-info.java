/**
 * The forwarding engine: leases due cycles from PostgreSQL, fires them from an in-memory timer at
 * their planned time, and runs each as a chain of scheduled continuations (no thread ever sleeps
 * through a delay), on the managed scheduled executor {@code concurrent/heraldEngine}.
 */
package dev.herald.scheduler.engine;
