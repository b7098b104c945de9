/**
 * Rate limits per client: what a limit is, and the port that counts against it in shared storage.
 */
package dev.herald.domain.ratelimit;
