/** User bots in PostgreSQL through JPA. */
package dev.herald.persistence.userbot;
