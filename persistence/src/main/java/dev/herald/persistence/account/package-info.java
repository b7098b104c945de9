/** Accounts in PostgreSQL through JPA. */
package dev.herald.persistence.account;
