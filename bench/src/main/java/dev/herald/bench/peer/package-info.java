/**
 * Side-by-side runs against db-scheduler and the replaced 2-second tick (issue 7); compiled only
 * with the bench profile, which brings db-scheduler and HikariCP.
 */
package dev.herald.bench.peer;
