/**
 * The dry-run transport: records what would be sent, with simulated latency and injected faults
 * (flood waits, bans, forbidden chats) for demos, tests and benchmarks. Nothing reaches Telegram.
 */
package dev.herald.telegram.sandbox;
