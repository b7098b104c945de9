/** Encryption of secrets at rest (bot tokens, API hashes, phone numbers). */
package dev.herald.domain.shared.crypto;
