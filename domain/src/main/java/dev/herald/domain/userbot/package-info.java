/** A tenant's own Bot API bot: its registration, verification and limits. */
package dev.herald.domain.userbot;
