package dev.herald.domain.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Which page of a list to read: the items after the key that the cursor names (the first page
 * without one), at most {@code limit} of them. Every list of the API pages this way (keyset paging:
 * a page never skips or repeats a row because rows were added in front of it). The cursor is opaque
 * to clients: the base64url form of the last key of the previous page.
 *
 * @param after the key of the last item already seen, null for the first page
 * @param limit how many items at most, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(Long after, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw badLimit();
    }
  }

  /** The first page of at most {@code limit} items. */
  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }

  /**
   * A page as a client asks for it: {@code cursor} from the previous page's {@code next_cursor}
   * (absent: the first page), {@code limit} a whole number (absent: {@link #DEFAULT_LIMIT}). Either
   * one malformed is a 400 naming that field.
   */
  public static PageRequest parse(String cursor, String limit) {
    return new PageRequest(parseCursor(cursor), parseLimit(limit));
  }

  /** How many rows to read: one more than the limit tells whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }

  /**
   * The page made of the rows read with {@link #fetchSize()}: at most {@code limit} of them, and
   * the cursor of the next page (the key of the last one kept) when more were read.
   */
  public <T> Page<T> page(List<T> fetched, ToLongFunction<T> key) {
    if (fetched.size() <= limit) {
      return new Page<>(List.copyOf(fetched), null);
    }
    List<T> items = List.copyOf(fetched.subList(0, limit));
    return new Page<>(items, encode(key.applyAsLong(items.get(items.size() - 1))));
  }

  static String encode(long key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Long.toString(key).getBytes(StandardCharsets.US_ASCII));
  }

  private static Long parseCursor(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String decoded =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
      if (!decoded.matches("[0-9]{1,18}")) {
        throw new IllegalArgumentException(decoded);
      }
      return Long.parseLong(decoded);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("cursor", "Use the next_cursor of the previous page as is.");
    }
  }

  private static int parseLimit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (!limit.strip().matches("[0-9]{1,4}")) {
      throw badLimit();
    }
    return Integer.parseInt(limit.strip());
  }

  private static InvalidInputException badLimit() {
    return InvalidInputException.of(
        "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
  }
}
