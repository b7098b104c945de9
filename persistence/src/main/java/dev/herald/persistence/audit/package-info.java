/** The audit trail in PostgreSQL through JPA. */
package dev.herald.persistence.audit;
