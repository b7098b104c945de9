/** Access codes in PostgreSQL through JPA. */
package dev.herald.persistence.access;
