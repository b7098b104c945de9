package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.config.TelegramSettings;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The Telegram world the sandbox posts into, built from configuration: Telegram's limits (or none,
 * {@code herald.sandbox.world.limits=off}), the demo chats when asked for (by default in the dev
 * profile), and whether the world is open.
 *
 * <p>An <b>open</b> world ({@code herald.sandbox.world.open=true}, the default) creates a chat the
 * first time anyone names one that does not exist: an unknown {@code @username} becomes a public
 * supergroup with that username, an unknown numeric id a supergroup with that id, an unknown invite
 * link a private supergroup behind that link. Such a chat admits everyone who contacts it (sessions
 * and bots are taken as members), so posts to made-up chats are delivered, as demos and system
 * tests expect; Telegram's limits, bans and the fault plan still apply. A closed world answers
 * {@code USERNAME_NOT_OCCUPIED} / {@code Chat not found} / {@code INVITE_HASH_INVALID} instead.
 */
@ApplicationScoped
public class SandboxWorld {

  @Inject TelegramSettings settings;

  private TelegramWorld world;
  private boolean open;
  private SendJournal journal;

  /** For CDI. */
  public SandboxWorld() {}

  /** For use without CDI (tests). */
  public SandboxWorld(TelegramWorld world, boolean open) {
    this.world = world;
    this.open = open;
  }

  /** For use without CDI, with a durable send log (tests). */
  public SandboxWorld(TelegramWorld world, boolean open, SendJournal journal) {
    this(world, open);
    this.journal = journal;
  }

  /** An open world with Telegram's limits on the system clock and no demo chats. */
  public static SandboxWorld openWithTelegramLimits() {
    return new SandboxWorld(new TelegramWorld(Clock.systemUTC(), TelegramLimits.telegram()), true);
  }

  @PostConstruct
  void load() {
    world = new TelegramWorld(Clock.systemUTC(), settings.sandboxWorldLimits());
    open = settings.sandboxWorldOpen();
    if (settings.sandboxDemoWorld()) {
      DemoWorld.seed(world);
    }
    journal = settings.sandboxSendLogFolder().map(SendJournal::in).orElse(null);
  }

  @PreDestroy
  void close() {
    if (journal != null) {
      journal.close();
    }
  }

  public TelegramWorld world() {
    return world;
  }

  public boolean open() {
    return open;
  }

  /** The durable log of the cycles' sends, when it is on ({@code herald.sandbox.send-log}). */
  public Optional<SendJournal> journal() {
    return Optional.ofNullable(journal);
  }

  /** The account a Herald sender acts as: a session is a user account, a user bot a bot. */
  public static Account account(Sender sender) {
    return sender.kind() == Sender.Kind.SESSION
        ? Account.user(sender.id())
        : Account.bot(sender.id());
  }

  /** An admin's lookup of the chat a reference names, e.g. to count its sends in the send log. */
  public Optional<Chat> chat(ChatReference reference) {
    return switch (reference.kind()) {
      case USERNAME -> world.chatByUsername(reference.username());
      case CHAT_ID -> world.chat(reference.chatId());
      case INVITE -> world.chatByInviteLink(reference.canonical());
    };
  }

  /** How many times this sender delivered exactly this text to the chat the reference names. */
  public long deliveries(Sender sender, ChatReference reference, String text) {
    return chat(reference)
        .map(chat -> world.sendLog().count(account(sender), chat.id(), text))
        .orElse(0L);
  }
}
