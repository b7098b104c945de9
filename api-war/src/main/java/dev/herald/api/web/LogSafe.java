package dev.herald.api.web;

import java.security.Principal;
import java.util.regex.Pattern;

/**
 * What may go into a log line about the caller: the verified token's subject, reduced to a safe
 * alphabet and length so a crafted subject cannot forge or break log lines.
 */
final class LogSafe {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@:-]");
  private static final int MAX = 64;

  private LogSafe() {}

  /** {@code " account_id=<sub>"}, or nothing when the request carried no verified token. */
  static String accountOf(Principal principal) {
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return "";
    }
    String name = UNSAFE.matcher(principal.getName()).replaceAll("_");
    return " account_id=" + (name.length() > MAX ? name.substring(0, MAX) : name);
  }
}
