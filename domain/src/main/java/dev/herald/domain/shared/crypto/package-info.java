/**
 * Secrets at rest and in transit: AES-256-GCM for stored secrets (bot tokens, API hashes) and
 * HMAC-SHA256 signatures compared in constant time. JDK crypto only.
 */
package dev.herald.domain.shared.crypto;
