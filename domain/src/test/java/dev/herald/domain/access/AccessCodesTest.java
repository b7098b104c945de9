package dev.herald.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessCodesTest {

  @Test
  void codesAreLongRandomAndReadable() {
    String code = AccessCodes.generate();
    assertTrue(code.matches("HRLD(-[0-9A-Z]{4}){8}"), code);
    assertNotEquals(code, AccessCodes.generate());
  }

  @Test
  void hashIgnoresCaseBlanksAndDashesAndIsHex() {
    String code = AccessCodes.generate();
    String typed = " " + code.toLowerCase().replace("-", " ") + " ";
    assertEquals(AccessCodes.hash(code), AccessCodes.hash(typed));
    assertEquals(64, AccessCodes.hash(code).length());
  }
}
