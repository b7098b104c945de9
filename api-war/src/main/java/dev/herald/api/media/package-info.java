/** The tenant's media library: multipart upload, list, read, delete ({@code /media}). */
package dev.herald.api.media;
