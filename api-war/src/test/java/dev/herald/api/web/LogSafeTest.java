package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import org.junit.jupiter.api.Test;

class LogSafeTest {

  private static String line(String name) {
    Principal principal = () -> name;
    return LogSafe.accountOf(principal);
  }

  @Test
  void aSafeSubjectIsLoggedAsItIs() {
    assertEquals(" account_id=tenant-1@example.org:a_b.c", line("tenant-1@example.org:a_b.c"));
  }

  @Test
  void noPrincipalOrABlankNameLogsNothing() {
    assertEquals("", LogSafe.accountOf(null));
    assertEquals("", line(null));
    assertEquals("", line(" \t"));
  }

  @Test
  void everyOtherCodePointBecomesOneUnderscore() {
    assertEquals(" account_id=a_b_c_d__e", line("a b\nc=d\"\u00e9e"));
    // An emoji is two chars but one code point: one underscore, as the old regex replaced it.
    assertEquals(" account_id=x_y", line("x\uD83D\uDE00y"));
    // A lone surrogate is one code point too.
    assertEquals(" account_id=x_", line("x\uD83D"));
  }

  @Test
  void theLoggedNameIsCutAt64Characters() {
    String long65 = "a".repeat(65);
    assertEquals(" account_id=" + "a".repeat(64), line(long65));
    assertEquals(" account_id=" + "_".repeat(64), line("\uD83D\uDE00".repeat(70)));
  }
}
