/** Counters and the activity log through JPA (read side; the engine writes them with JDBC). */
package dev.herald.persistence.activity;
