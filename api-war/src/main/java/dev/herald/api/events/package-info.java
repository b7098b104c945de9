/**
 * {@code GET /api/v1/bot/events}: a tenant's live event stream (server-sent events) and the one
 * node-wide dispatcher that fans every node's changes out to this node's open streams.
 */
package dev.herald.api.events;
