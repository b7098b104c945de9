package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.content.VariantText;
import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Formatted text through the real libtdjson's {@code parseTextEntities} ({@code td_execute},
 * offline), found by {@link RealTdlib}: what the API checks on save and the engine sends.
 */
class TdlibTextFormatterIT {

  private static TdlibTextFormatter formatter;

  @BeforeAll
  static void load() {
    TdlibLibrary library = TdlibLibrary.load(Optional.of(RealTdlib.pathOrSkip()), 1);
    assertTrue(library.status().available(), library.status().detail());
    formatter = new TdlibTextFormatter(library);
  }

  @Test
  void markdownV2BecomesPlainTextAndBotApiEntities() {
    FormattedText parsed =
        formatter.parse(
            "Hello via *Bot API* _now_ [site](https://example.com/) `x`", TextFormat.MARKDOWN);
    assertEquals("Hello via Bot API now site x", parsed.text());
    assertEquals(
        List.of(
            TextEntity.of("bold", 10, 7),
            TextEntity.of("italic", 18, 3),
            new TextEntity("text_link", 22, 4, "https://example.com/", null),
            TextEntity.of("code", 27, 1)),
        parsed.entities());
  }

  @Test
  void htmlBecomesTheSameEntities() {
    FormattedText parsed =
        formatter.parse(
            "Hello via <b>Bot API</b> <pre><code class=\"language-java\">x</code></pre>",
            TextFormat.HTML);
    assertEquals("Hello via Bot API x", parsed.text());
    assertEquals(TextEntity.of("bold", 10, 7), parsed.entities().get(0));
    assertEquals(new TextEntity("pre", 18, 1, null, "java"), parsed.entities().get(1));
  }

  @Test
  void offsetsCountUtf16CodeUnitsAsTelegramDoes() {
    FormattedText parsed = formatter.parse("\uD83D\uDE00 *hi*", TextFormat.MARKDOWN);
    assertEquals(TextEntity.of("bold", 3, 2), parsed.entities().get(0));
  }

  /** Asserts that TDLib refuses {@code markdown} with a message saying {@code saying}. */
  private static void assertRefused(String markdown, String saying) {
    TextFormatException e =
        assertThrows(
            TextFormatException.class, () -> formatter.parse(markdown, TextFormat.MARKDOWN));
    assertTrue(e.getMessage().contains(saying), e.getMessage());
  }

  @Test
  void anUnclosedEntityIsRefusedNamingItsPosition() {
    assertRefused("Hello *world", "offset 6");
  }

  @Test
  void markdownV2ReservedCharactersMustBeEscaped() {
    assertRefused("Price: 5.00!", "reserved");
    assertEquals("Price: 5.00!", formatter.parse("Price: 5\\.00\\!", TextFormat.MARKDOWN).text());
  }

  @Test
  void escapedBracesOfVariantsReachTheMarkdownParserEscaped() {
    VariantText template = VariantText.parse("{Hi|Hey} \\{team\\} *all*");
    FormattedText parsed = formatter.parse(template.render(1, true), TextFormat.MARKDOWN);
    assertEquals("Hey {team} all", parsed.text());
  }

  @Test
  void anUnclosedHtmlTagIsRefused() {
    assertThrows(TextFormatException.class, () -> formatter.parse("<b>bold", TextFormat.HTML));
  }

  @Test
  void plainTextIsNotParsed() {
    assertEquals(
        FormattedText.plain("*as typed*"), formatter.parse("*as typed*", TextFormat.PLAIN));
  }
}
