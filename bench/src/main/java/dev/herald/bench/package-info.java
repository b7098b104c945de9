/**
 * The benchmarks behind {@code bench/*.sh}: one main class each, a fresh server per run ({@link
 * dev.herald.bench.BenchServer}), figures printed and saved by {@link dev.herald.bench.Report}.
 */
package dev.herald.bench;
