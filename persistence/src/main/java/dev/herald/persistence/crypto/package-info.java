/** The data-encryption key, loaded from the profile's key material. */
package dev.herald.persistence.crypto;
