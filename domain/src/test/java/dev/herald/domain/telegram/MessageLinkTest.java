package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageLinkTest {

  @Test
  void parsesPublicAndPrivateMessageLinks() {
    MessageLink publicLink = MessageLink.parse("https://t.me/Herald_News/42?single");
    assertEquals("@herald_news", publicLink.chat().canonical());
    assertEquals(42, publicLink.messageId());
    assertEquals("https://t.me/herald_news/42", publicLink.toLink());

    MessageLink privateLink = MessageLink.parse("https://t.me/c/1234567890/7");
    assertEquals(-1001234567890L, privateLink.chat().chatId());
    assertEquals("https://t.me/c/1234567890/7", privateLink.toLink());
  }

  @Test
  void aMessageInAForumTopicIsLinkedWithItsTopic() {
    MessageLink inTopic = MessageLink.parse("https://t.me/herald_news/5/42");
    assertEquals("@herald_news", inTopic.chat().canonical());
    assertEquals(42, inTopic.messageId());

    MessageLink privateInTopic = MessageLink.parse("https://t.me/c/1234567890/5/7");
    assertEquals(-1001234567890L, privateInTopic.chat().chatId());
    assertEquals(7, privateInTopic.messageId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://t.me/herald_news",
        "https://t.me/herald_news/0",
        "@herald/5",
        "https://example.com/a/1",
        "https://t.me/herald_news/5/6/7"
      })
  void rejectsWhatIsNotAMessageLink(String raw) {
    assertTrue(MessageLink.tryParse(raw).isEmpty(), raw);
  }
}
