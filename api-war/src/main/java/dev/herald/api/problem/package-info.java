/** Errors leave the API here, as RFC 9457 {@code application/problem+json} bodies. */
package dev.herald.api.problem;
