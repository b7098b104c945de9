package dev.herald.telegram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The send log's per-text counters tell senders, their kinds, chats and texts apart. */
class SendLogTest {

  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  private static SendLog.Entry delivered(Account sender, long chatId, String text) {
    return new SendLog.Entry(
        AT, sender, chatId, "text", text, MessageMarkup.NONE, SendLog.Entry.OK, List.of());
  }

  @Test
  void countsEachSenderKindChatAndTextApart() {
    SendLog log = new SendLog(10, 1000);
    log.record(delivered(Account.user(7), -100, "hello"));
    log.record(delivered(Account.user(7), -100, "hello"));
    log.record(delivered(Account.bot(7), -100, "hello"));
    log.record(delivered(Account.user(8), -100, "hello"));
    log.record(delivered(Account.user(7), -101, "hello"));
    log.record(delivered(Account.user(7), -100, "hello!"));

    assertEquals(2, log.count(Account.user(7), -100, "hello"));
    assertEquals(1, log.count(Account.bot(7), -100, "hello"));
    assertEquals(1, log.count(Account.user(8), -100, "hello"));
    assertEquals(1, log.count(Account.user(7), -101, "hello"));
    assertEquals(1, log.count(Account.user(7), -100, "hello!"));
    assertEquals(0, log.count(Account.bot(8), -100, "hello"));
    assertEquals(1, log.duplicates());
  }

  @Test
  void manySequentialSendersAreEachCountedOnce() {
    SendLog log = new SendLog(10, 1_000_000);
    for (long id = 1; id <= 50_000; id++) {
      log.record(delivered(Account.user(id), -100, "bench"));
    }
    assertEquals(0, log.duplicates());
    assertEquals(1, log.count(Account.user(25_000), -100, "bench"));
    assertEquals(0, log.uncounted());
  }
}
