/** {@link dev.herald.domain.media.MediaStore} on PostgreSQL: media bytes and senders' file ids. */
package dev.herald.persistence.media;
