package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.bot.BotConfigInput.ButtonInput;
import dev.herald.domain.bot.BotConfigInput.PostInput;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.content.Rotation;
import dev.herald.domain.content.StarFormatter;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.TextFormat;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15's content rules: formats, variants, several posts, rotation, buttons. */
class BotContentPolicyTest {

  private final PlanLimits limits = PlanLimits.defaults();
  private final StarFormatter formatter = new StarFormatter();

  private BotConfig validate(List<PostInput> posts, String rotation, Boolean dropButtons) {
    return BotConfigPolicy.validate(
        new BotConfigInput(
            List.of("@aaaaa"),
            null,
            null,
            null,
            null,
            posts,
            rotation,
            dropButtons,
            null,
            null,
            null,
            null),
        limits,
        formatter);
  }

  private List<FieldError> refused(List<PostInput> posts, Boolean dropButtons) {
    return assertThrows(InvalidInputException.class, () -> validate(posts, null, dropButtons))
        .errors();
  }

  /** The one-post shorthand's type, text and format and a posts list, with no target groups. */
  private static BotConfigInput input(
      String postType, String postText, String format, List<PostInput> posts) {
    return new BotConfigInput(
        List.of(), postType, postText, null, format, posts, null, null, null, null, null, null);
  }

  private static PostInput text(String text, String format) {
    return new PostInput("TEXT", text, format, null, null);
  }

  private static PostInput withButtons(String text) {
    return new PostInput(
        "TEXT",
        text,
        null,
        null,
        List.of(List.of(new ButtonInput("Open", "https://example.com/a"))));
  }

  @Test
  void formattedTextThatDoesNotParseIsRefusedNamingThePosition() {
    List<FieldError> errors = refused(List.of(text("Hello *world", "MARKDOWN")), null);
    assertEquals("posts[0].text", errors.get(0).field());
    assertTrue(errors.get(0).message().contains("byte offset 6"), errors.get(0).message());
  }

  @Test
  void flatShorthandTakesAFormat() {
    BotConfig config =
        BotConfigPolicy.validate(input(null, "Hi *you*", "MARKDOWN", null), limits, formatter);
    assertEquals(TextFormat.MARKDOWN, config.firstPost().format());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                BotConfigPolicy.validate(
                    input(null, "Hi *you", "MARKDOWN", null), limits, formatter));
    assertEquals("post_text", e.errors().get(0).field());
  }

  @Test
  void textLengthIsCountedAfterParsing() {
    String marked = "*" + "x".repeat(4096) + "*";
    assertEquals(
        4096, validate(List.of(text(marked, "MARKDOWN")), null, null).postText().length() - 2);
    List<FieldError> errors = refused(List.of(text("x".repeat(4097), "PLAIN")), null);
    assertTrue(errors.get(0).message().contains("4097 characters once formatted"));
  }

  @Test
  void everyVariantIsCheckedInItsFormat() {
    List<FieldError> errors = refused(List.of(text("{fine|*broken} text", "MARKDOWN")), null);
    assertTrue(errors.get(0).message().contains("(variant 2)"), errors.get(0).message());
  }

  @Test
  void variantSyntaxErrorsNameTheCharacter() {
    List<FieldError> errors = refused(List.of(text("Hi {a|b", null)), null);
    assertEquals("posts[0].text", errors.get(0).field());
    assertTrue(errors.get(0).message().contains("character 4"));
  }

  @Test
  void formattedTextNeedsAParserOnTheServer() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                BotConfigPolicy.validate(
                    input(null, null, null, List.of(text("*x*", "HTML"))), limits));
    assertTrue(e.errors().get(0).message().contains("TDLib"));
  }

  @Test
  void aBotHoldsOneToMaxPosts() {
    assertEquals("posts", refused(List.of(), null).get(0).field());
    List<PostInput> many =
        Collections.nCopies(PlanLimits.DEFAULT_MAX_POSTS_PER_BOT + 1, text("hello", null));
    assertEquals("posts", refused(many, null).get(0).field());
    BotConfig config =
        validate(
            Collections.nCopies(PlanLimits.DEFAULT_MAX_POSTS_PER_BOT, text("hi", null)),
            "RANDOM",
            null);
    assertEquals(PlanLimits.DEFAULT_MAX_POSTS_PER_BOT, config.posts().size());
    assertEquals(Rotation.RANDOM, config.rotation());
  }

  @Test
  void postsAndTheOneToPostShorthandAreNotMixed() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                BotConfigPolicy.validate(
                    input(null, "flat", null, List.of(text("listed", null))), limits, formatter));
    assertEquals("posts", e.errors().get(0).field());
  }

  @Test
  void aConfigurationSentBackAsReadIsAccepted() {
    BotConfig config =
        BotConfigPolicy.validate(
            input(
                "TEXT", "listed", "PLAIN", List.of(text("listed", "PLAIN"), text("second", null))),
            limits,
            formatter);
    assertEquals(2, config.posts().size());
  }

  @Test
  void unknownRotationIsRefused() {
    assertThrows(
        InvalidInputException.class, () -> validate(List.of(text("a", null)), "SHUFFLE", null));
  }

  @Test
  void buttonsNeedTheTenantToLetSessionsPostWithoutThem() {
    List<FieldError> errors = refused(List.of(withButtons("hi")), null);
    assertEquals("sessions_drop_buttons", errors.get(0).field());
    assertTrue(errors.get(0).message().contains("cannot send them"));
    BotConfig config = validate(List.of(withButtons("hi")), null, true);
    assertEquals("Open", config.firstPost().buttons().get(0).get(0).text());
    assertTrue(config.content().sessionsDropButtons());
  }

  @Test
  void buttonsNeedALabelAndAWebOrTelegramLink() {
    List<FieldError> errors =
        refused(
            List.of(
                new PostInput(
                    "TEXT",
                    "hi",
                    null,
                    null,
                    List.of(
                        List.of(
                            new ButtonInput("", "https://example.com"),
                            new ButtonInput("x", "javascript:alert(1)")),
                        List.of()))),
            true);
    assertEquals(
        List.of("posts[0].buttons[0][0].text", "posts[0].buttons[0][1].url", "posts[0].buttons[1]"),
        errors.stream().map(FieldError::field).toList());
  }

  @Test
  void buttonsGoUnderTextPostsOnly() {
    List<FieldError> errors =
        refused(
            List.of(
                new PostInput(
                    "FORWARD",
                    null,
                    null,
                    "https://t.me/source/5",
                    List.of(List.of(new ButtonInput("x", "https://example.com"))))),
            true);
    assertEquals("posts[0].buttons", errors.get(0).field());
  }

  @Test
  void atMostMaxButtonsPerPost() {
    List<ButtonInput> row =
        Collections.nCopies(
            PlanLimits.DEFAULT_MAX_BUTTONS + 1, new ButtonInput("x", "https://e.com"));
    List<FieldError> errors =
        refused(List.of(new PostInput("TEXT", "hi", null, null, List.of(row))), true);
    assertEquals("posts[0].buttons", errors.get(0).field());
  }

  @Test
  void storedContentReadsBackAsSaved() {
    BotConfig config =
        validate(
            List.of(
                withButtons("{a|b} *c*"),
                new PostInput("FORWARD", null, null, "https://t.me/source/1", null)),
            "RANDOM",
            true);
    assertEquals(config.content(), BotPostsJson.read(BotPostsJson.write(config.content())));
  }
}
