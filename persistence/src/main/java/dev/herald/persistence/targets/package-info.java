/**
 * The per-sender target records ({@code chat_target}) in plain JDBC, for the engine and the API.
 */
package dev.herald.persistence.targets;
