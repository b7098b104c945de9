package dev.herald.domain.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import dev.herald.domain.telegram.UrlButton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CycleContentTest {

  private final StarFormatter formatter = new StarFormatter();

  private static BotPost text(String text, TextFormat format) {
    return new BotPost(PostType.TEXT, text, format, null, List.of());
  }

  private static BotPosts one(BotPost post) {
    return BotPosts.of(post);
  }

  @Test
  void noTwoChatsOfACycleGetTheSameTextWhileVariantsAllow() {
    CycleContent cycle =
        CycleContent.of(one(text("{Hello|Hi|Hey} {there|all}", TextFormat.PLAIN)), 1, 7, formatter);
    Set<String> texts = new HashSet<>();
    for (int slot = 0; slot < 6; slot++) {
      texts.add(cycle.forChat(slot, Sender.Kind.USER_BOT).text());
    }
    assertEquals(6, texts.size());
  }

  @Test
  void cyclesStartAtDifferentVariants() {
    Set<String> firsts = new HashSet<>();
    for (long cycleId = 0; cycleId < 20; cycleId++) {
      BotPosts posts = one(text("{a|b|c|d|e|f|g|h}", TextFormat.PLAIN));
      firsts.add(
          CycleContent.of(posts, 1, cycleId, formatter).forChat(0, Sender.Kind.SESSION).text());
    }
    assertTrue(firsts.size() > 1);
  }

  @Test
  void formattedTextIsSentAsEntitiesParsedOncePerRendering() {
    CycleContent cycle =
        CycleContent.of(one(text("Hi *you*", TextFormat.MARKDOWN)), 1, 1, formatter);
    for (int slot = 0; slot < 50; slot++) {
      Post post = cycle.forChat(slot, Sender.Kind.USER_BOT);
      assertEquals("Hi you", post.text());
      assertEquals(List.of(TextEntity.of("bold", 3, 3)), post.entities());
    }
    assertEquals(1, formatter.calls.get());
  }

  @Test
  void markdownVariantsKeepTheirEscapesForTelegramsParser() {
    TextFormatter seen = (source, format) -> FormattedText.plain(source);
    CycleContent cycle = CycleContent.of(one(text("\\{x\\}", TextFormat.MARKDOWN)), 1, 1, seen);
    assertEquals("\\{x\\}", cycle.forChat(0, Sender.Kind.USER_BOT).text());
    CycleContent plain = CycleContent.of(one(text("\\{x\\}", TextFormat.PLAIN)), 1, 1, seen);
    assertEquals("{x}", plain.forChat(0, Sender.Kind.USER_BOT).text());
  }

  @Test
  void anEmptyVariantIsAFormatErrorNotACrash() {
    CycleContent cycle = CycleContent.of(one(text("{|x}", TextFormat.PLAIN)), 1, 1, formatter);
    Set<String> outcomes = new HashSet<>();
    for (int slot = 0; slot < 2; slot++) {
      try {
        outcomes.add(cycle.forChat(slot, Sender.Kind.SESSION).text());
      } catch (TextFormatException empty) {
        outcomes.add("refused");
      }
    }
    assertEquals(Set.of("x", "refused"), outcomes);
  }

  @Test
  void sessionsGetThePostWithoutButtons() {
    BotPost post =
        new BotPost(
            PostType.TEXT,
            "hi",
            TextFormat.PLAIN,
            null,
            List.of(List.of(new UrlButton("Open", "https://example.com"))));
    CycleContent cycle =
        CycleContent.of(new BotPosts(List.of(post), Rotation.IN_ORDER, true), 1, 1, formatter);
    assertTrue(cycle.forChat(0, Sender.Kind.USER_BOT).hasButtons());
    assertTrue(cycle.forChat(0, Sender.Kind.SESSION).buttons().isEmpty());
  }

  @Test
  void inOrderRotationTakesTheNextPostEachCycle() {
    BotPosts posts =
        new BotPosts(
            List.of(
                BotPost.plainText("one"),
                BotPost.plainText("two"),
                BotPost.forward(MessageLink.parse("https://t.me/source/3"))),
            Rotation.IN_ORDER,
            false);
    assertEquals("one", posts.pick(5, 0).text());
    assertEquals("two", posts.pick(5, 1).text());
    assertEquals(PostType.FORWARD, posts.pick(5, 2).type());
    assertEquals("one", posts.pick(5, 3).text());
  }

  @Test
  void randomRotationIsTheSameOnEveryNodeAndUsesEveryPost() {
    BotPosts posts =
        new BotPosts(
            List.of(BotPost.plainText("a"), BotPost.plainText("b"), BotPost.plainText("c")),
            Rotation.RANDOM,
            false);
    Set<String> picked = new HashSet<>();
    for (long cycle = 0; cycle < 60; cycle++) {
      assertEquals(posts.pick(9, cycle), posts.pick(9, cycle));
      picked.add(posts.pick(9, cycle).text());
    }
    assertEquals(Set.of("a", "b", "c"), picked);
  }
}
