/** Bots in PostgreSQL through JPA. */
package dev.herald.persistence.bot;
