/** The HTTP API under {@code /api/v1}: thin JAX-RS resources over the domain services. */
package dev.herald.api;
