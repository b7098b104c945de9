/** The session pool in PostgreSQL: JPA for the records, locking SQL for allocation. */
package dev.herald.persistence.session;
