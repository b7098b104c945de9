/** The caller's own Bot API bot: register, read, change the token, remove, verify. */
package dev.herald.api.userbot;
