package dev.herald.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void aPhoneShowsOnlyItsCountryCodeStartAndLastTwoDigits() {
    assertEquals("+44********23", Phones.mask("+447700900123"));
    assertEquals("+44********23", Phones.mask("+44 (7700) 900-123"));
    assertEquals("+44********23", Phones.mask("447700900123"));
    assertFalse(Phones.mask("+447700900123").contains("7700900"));
    assertEquals("+*****", Phones.mask("12345"));
    assertEquals("", Phones.mask(null));
  }

  @Test
  void aTokenShowsOnlyItsBotId() {
    assertEquals("123456789:***", Tokens.mask("123456789:AAE-secret_part_here_12345"));
    assertEquals("***", Tokens.mask("garbage"));
    assertEquals("***", Tokens.mask("abc:secret"));
    assertEquals("***", Tokens.mask(":secret"));
    assertEquals("***", Tokens.mask(null));
  }
}
