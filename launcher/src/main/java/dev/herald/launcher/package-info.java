/**
 * Herald on this machine: embedded PostgreSQL, the Liberty server ear installs, tokens signed with
 * the dev profile's key and a small HTTP client for its API. {@code ./herald run} starts {@link
 * dev.herald.launcher.DevLauncher}; the system tests and the benchmarks start their servers with
 * the same classes.
 */
package dev.herald.launcher;
