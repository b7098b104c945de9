/** The data-encryption key: read from the key file the preflight agent publishes. */
package dev.herald.persistence.crypto;
