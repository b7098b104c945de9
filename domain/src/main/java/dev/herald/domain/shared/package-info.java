/**
 * What every subject shares: the domain's failures (each with a stable problem type) and the clock.
 */
package dev.herald.domain.shared;
