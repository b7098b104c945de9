/** The sandbox transport's fault injection, for demos, tests and benchmarks (dry run only). */
package dev.herald.api.sandbox;
