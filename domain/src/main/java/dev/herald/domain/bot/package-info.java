/** A tenant's posting bot: its configuration and the rules for it, its status and state machine. */
package dev.herald.domain.bot;
