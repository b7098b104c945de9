/**
 * Herald on this machine: embedded PostgreSQL, the Liberty server ear installs, and tokens signed
 * with the dev profile's key. {@code ./herald run} starts {@link dev.herald.launcher.DevLauncher};
 * the system tests and the benchmarks start their servers with the same classes.
 */
package dev.herald.launcher;
