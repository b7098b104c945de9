/**
 * Media a tenant uploads for its posts (photos, videos, animations, documents): the type read from
 * the bytes, the plan's size and count limits, storage in PostgreSQL so that any node can send
 * them, and the file ids Telegram hands each sender so that a medium is uploaded once per sender.
 */
package dev.herald.domain.media;
