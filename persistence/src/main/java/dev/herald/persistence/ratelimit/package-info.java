/** Rate-limit buckets shared by every node, in PostgreSQL through Bucket4j. */
package dev.herald.persistence.ratelimit;
