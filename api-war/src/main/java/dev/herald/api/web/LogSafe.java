package dev.herald.api.web;

import java.security.Principal;

/**
 * What may go into a log line about the caller: the verified token's subject, reduced to a safe
 * alphabet and length so a crafted subject cannot forge or break log lines. Every access line of an
 * authenticated request passes through here, so it is a plain loop over the code points, not a
 * regular expression (whose replaceAll was about 1% of a /bot/state poll's samples, bench/api.sh).
 */
final class LogSafe {

  private static final int MAX = 64;

  private LogSafe() {}

  /** {@code " account_id=<sub>"}, or nothing when the request carried no verified token. */
  static String accountOf(Principal principal) {
    String name = principal == null ? null : principal.getName();
    if (name == null || name.isBlank()) {
      return "";
    }
    StringBuilder line = new StringBuilder(" account_id=");
    int end = line.length() + MAX;
    // Each code point becomes one character, so the cut at MAX never splits a surrogate pair.
    for (int i = 0; i < name.length() && line.length() < end; ) {
      int c = name.codePointAt(i);
      line.append(safe(c) ? (char) c : '_');
      i += Character.charCount(c);
    }
    return line.toString();
  }

  /** Letters and digits of ASCII, and {@code . _ @ : -}. */
  private static boolean safe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '@'
        || c == ':'
        || c == '-';
  }
}
