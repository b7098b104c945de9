/**
 * Targets per sender: for each (account, sender, chat) whether the chat is resolved, whether the
 * sender may post in it (joined, join requested, not a member, banned, read-only), its slow mode
 * and the next time a post is allowed; the rules that turn a transport's answer into that record,
 * the pacing of joins, and the ports the engine and the transports meet at.
 */
package dev.herald.domain.targets;
