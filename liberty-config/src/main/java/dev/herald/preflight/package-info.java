/**
 * The preflight agent: runs in Liberty's JVM before the server starts (a {@code -javaagent} in
 * {@code jvm.options}), so a production server with a missing secret exits before it opens a port,
 * and a dev server has its generated key material in place before anything reads it.
 */
package dev.herald.preflight;
