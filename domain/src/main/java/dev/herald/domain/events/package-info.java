/**
 * What a tenant's live event stream is made of (activity entries, finished deliveries, state
 * changes), the cursor a client resumes from, and the ports that announce and read them.
 */
package dev.herald.domain.events;
