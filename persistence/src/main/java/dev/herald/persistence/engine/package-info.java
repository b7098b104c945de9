/**
 * The forwarding engine's stores in plain JDBC, one per concern: leases and nodes ({@link
 * dev.herald.persistence.engine.JdbcLeaseStore}), the delivery ledger, session penalties and
 * housekeeping; their SQL beside each, and the SQL twins of domain rules ({@link
 * dev.herald.persistence.engine.PlanSql}).
 */
package dev.herald.persistence.engine;
