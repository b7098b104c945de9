/**
 * PostgreSQL adapters of the event stream's ports: {@code LISTEN herald_events} on one dedicated
 * connection (the notifications come from V35's statement-level triggers) and the reads of new
 * activity entries and finished deliveries.
 */
package dev.herald.persistence.events;
