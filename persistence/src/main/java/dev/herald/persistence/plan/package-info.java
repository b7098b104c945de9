/** Plan data sources in PostgreSQL: the billing events already applied. */
package dev.herald.persistence.plan;
