/** JPA and JDBC adapters for the domain's ports, on PostgreSQL. */
package dev.herald.persistence;
