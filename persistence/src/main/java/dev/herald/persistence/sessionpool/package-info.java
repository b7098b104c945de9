/** The admin's reads of the session pool (sessions, API pairs) through JPA, paged by key. */
package dev.herald.persistence.sessionpool;
