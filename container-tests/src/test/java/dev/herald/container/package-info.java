/**
 * In-container tests: Arquillian deploys Herald's EAR, with a test WAR of these classes added, into
 * a Liberty server of this module's own against an embedded PostgreSQL, and runs each test inside
 * it. They check what only the container shows (startup order, the engine on the managed executors,
 * container transactions, CDI wiring); the HTTP behaviour is the ear module's system tests.
 */
package dev.herald.container;
