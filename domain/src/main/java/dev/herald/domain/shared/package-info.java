/**
 * What every subject shares: the domain's failures (each with a stable problem type), the clock and
 * the database-generated id of entities.
 */
package dev.herald.domain.shared;
