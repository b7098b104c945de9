package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.DeliveryKey;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's durable send log: one line per cycle send, and the send-twice fault. */
class SendJournalTest {

  private static final ChatReference CHAT = ChatReference.parse("@journal_group");
  private static final DeliveryKey KEY = new DeliveryKey(11, 3, CHAT.canonical());

  @TempDir Path folder;

  private SandboxGateway gateway(SandboxFaults faults, SendJournal journal) {
    TelegramWorld telegram = new TelegramWorld(Clock.systemUTC(), TelegramLimits.telegram());
    return new SandboxGateway(faults, new SandboxWorld(telegram, true, journal));
  }

  private static List<String> lines(SendJournal journal) throws IOException {
    return Files.readAllLines(journal.file());
  }

  @Test
  void aCycleSendIsOneLineWithItsKeySenderAndOutcome() throws IOException {
    try (SendJournal journal = SendJournal.in(folder.resolve("sandbox-sends"))) {
      SandboxGateway sandbox = gateway(new SandboxFaults(FaultPlan.none(), 42), journal);

      sandbox.sendAsync(KEY, Sender.session(7), CHAT, Post.text("hi")).toCompletableFuture().join();
      sandbox.send(Sender.session(7), CHAT, Post.text("not a cycle's"));

      List<String> lines = lines(journal);
      assertEquals(1, lines.size(), "only the keyed send is logged: " + lines);
      String[] fields = lines.get(0).split("\t");
      assertEquals(
          List.of("11", "3", "@journal_group", "session:7", "DELIVERED"),
          List.of(fields).subList(1, 6));
      assertTrue(journal.file().getFileName().toString().startsWith(SendJournal.PREFIX));
    }
  }

  @Test
  void theSendTwiceFaultSendsOneKeyTwiceOnceAndThenStops() throws IOException {
    SandboxFaults faults = new SandboxFaults(FaultPlan.none(), 42);
    try (SendJournal journal = SendJournal.in(folder)) {
      SandboxGateway sandbox = gateway(faults, journal);
      faults.sendTwice(1);

      sandbox.sendAsync(KEY, Sender.userBot(5, "t"), CHAT, Post.text("a")).toCompletableFuture();
      DeliveryKey next = new DeliveryKey(11, 4, CHAT.canonical());
      sandbox.sendAsync(next, Sender.userBot(5, "t"), CHAT, Post.text("b")).toCompletableFuture();

      List<String> lines = lines(journal);
      assertEquals(3, lines.size(), lines::toString);
      assertTrue(lines.get(0).contains("\t11\t3\t@journal_group\tuser_bot:5\tDELIVERED"));
      assertTrue(lines.get(1).contains("\t11\t3\t@journal_group\tuser_bot:5\tDELIVERED"));
      assertTrue(lines.get(2).contains("\t11\t4\t"));
      assertEquals(0, faults.sendTwicePending());
    }
  }
}
