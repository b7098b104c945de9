package dev.herald.domain.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VariantTextTest {

  /** What the indices below the text's count render to. */
  private static Set<String> renderings(VariantText text) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < text.count(); i++) {
      seen.add(text.render(i, false));
    }
    return seen;
  }

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("{Hello|Hi|Hey} there", Set.of("Hello there", "Hi there", "Hey there")),
        Arguments.of(
            "{Hi|Hello{ there|!}} {a|b}",
            Set.of("Hi a", "Hi b", "Hello there a", "Hello there b", "Hello! a", "Hello! b")));
  }

  /** Flat variants give every alternative once; nested ones count and give every path. */
  @ParameterizedTest
  @MethodSource("templates")
  void theCountIsEveryPathAndEachIndexBelowItRendersOne(String template, Set<String> paths) {
    VariantText text = VariantText.parse(template);
    assertEquals(paths.size(), text.count());
    assertEquals(paths, renderings(text));
  }

  @Test
  void distinctIndicesGiveDistinctTextsWhileVariantsAllow() {
    VariantText text = VariantText.parse("{a|b|c}{1|2}{x|y|z|w}");
    assertEquals(24, renderings(text).size());
    assertEquals(text.render(0, false), text.render(24, false));
  }

  @Test
  void escapedBracesAndBarsAreText() {
    VariantText text = VariantText.parse("\\{not a variant\\} a\\|b {x\\|y|z} \\\\");
    assertEquals(2, text.count());
    assertEquals("{not a variant} a|b x|y \\", text.render(0, false));
    assertEquals("\\{not a variant\\} a\\|b x\\|y \\\\", text.render(0, true));
  }

  @Test
  void barOutsideGroupsIsText() {
    assertEquals("a|b", VariantText.parse("a|b").render(0, false));
    assertFalse(VariantText.parse("a|b").hasVariants());
  }

  @Test
  void unclosedBraceNamesItsPosition() {
    VariantSyntaxException e =
        assertThrows(VariantSyntaxException.class, () -> VariantText.parse("Hi {a|b"));
    assertTrue(e.getMessage().contains("character 4"), e.getMessage());
  }

  @Test
  void unmatchedClosingBraceNamesItsPosition() {
    VariantSyntaxException e =
        assertThrows(VariantSyntaxException.class, () -> VariantText.parse("a}b"));
    assertTrue(e.getMessage().contains("character 2"), e.getMessage());
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "{".repeat(VariantText.MAX_DEPTH + 1) + "}".repeat(VariantText.MAX_DEPTH + 1);
    assertThrows(VariantSyntaxException.class, () -> VariantText.parse(deep));
    String ok = "{".repeat(VariantText.MAX_DEPTH) + "}".repeat(VariantText.MAX_DEPTH);
    assertEquals(1, VariantText.parse(ok).count());
  }

  @Test
  void storedTextThatIsNoTemplateIsItsOwnRendering() {
    assertEquals("json {", VariantText.parseOrLiteral("json {").render(5, false));
  }

  @Test
  void hugeCountsSaturate() {
    VariantText text = VariantText.parse("{a|b}".repeat(80));
    assertEquals(Long.MAX_VALUE, text.count());
    assertEquals(80, text.render(Long.MAX_VALUE - 1, false).length());
  }
}
