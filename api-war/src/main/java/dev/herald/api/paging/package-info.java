/**
 * How every list of the API pages: {@code cursor} and {@code limit} in, {@code items} and {@code
 * next_cursor} out.
 */
package dev.herald.api.paging;
