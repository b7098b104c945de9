/** The database schema: Flyway migrations, applied before anything else touches the database. */
package dev.herald.persistence.schema;
