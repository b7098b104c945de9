package dev.herald.telegram.sandbox;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.DeliveryKey;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Message;
import dev.herald.telegram.model.MessageMarkup;
import dev.herald.telegram.model.SentMedium;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.model.TelegramWorld;
import dev.herald.telegram.tdlib.TdlibErrorMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The dry-run transport. A post first meets the current {@link FaultPlan} (forbidden chats, a flood
 * wait every N posts, random bans); otherwise it is sent into the {@link SandboxWorld}'s Telegram
 * model, which resolves and joins the chat as a client would and answers with Telegram's own rules,
 * mapped to an outcome as the real transports map them. Every post is recorded, and the answer
 * comes after the simulated latency without holding a thread ({@link #sendAsync}); only the
 * blocking {@link #send} waits. {@code @Typed} keeps it out of plain {@code TelegramGateway}
 * injection, which the transport router owns.
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
public class SandboxGateway implements TelegramGateway, TargetPreparer {

  private final SandboxRecorder recorder = new SandboxRecorder(1000);
  private final SandboxDelays delays = new SandboxDelays();
  private SandboxFaults faults;
  private SandboxWorld world;
  private volatile Model model;
  private Clock clock = Clock.systemUTC();

  /**
   * The fault bean's instance and what the sandbox world bean holds (fixed once it is built), taken
   * once: both are injected as CDI client proxies, and each call through one costs thread-local
   * look-ups and a reflective call, several times a send.
   */
  private record Model(
      SandboxFaults faults, SandboxTargets targets, Optional<SendJournal> journal) {}

  /** For CDI. */
  public SandboxGateway() {}

  @Inject
  public SandboxGateway(SandboxFaults faults, SandboxWorld world) {
    this.faults = faults;
    this.world = world;
  }

  /** In an open world with Telegram's limits (tests). */
  public SandboxGateway(SandboxFaults faults) {
    this(faults, SandboxWorld.openWithTelegramLimits());
  }

  public SandboxGateway(SandboxFaults faults, SandboxWorld world, Clock clock) {
    this(faults, world);
    this.clock = clock;
  }

  @Override
  public String transport() {
    return "sandbox";
  }

  @Override
  public boolean dryRun() {
    return true;
  }

  @Override
  public SendOutcome send(Sender sender, ChatReference chat, Post post) {
    return sendAsync(sender, chat, post).toCompletableFuture().join();
  }

  @Override
  public CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
    FaultPlan plan = model().faults().plan();
    return delays.after(plan.latency(), sendOnce(plan, null, sender, chat, post));
  }

  /**
   * A cycle's send: also appended to the durable send log with its key; the admin's {@code
   * send-twice} fault sends it a second time, on purpose, as a broken engine would.
   */
  @Override
  public CompletionStage<SendOutcome> sendAsync(
      DeliveryKey key, Sender sender, ChatReference chat, Post post) {
    SandboxFaults current = model().faults();
    FaultPlan plan = current.plan();
    SendOutcome outcome = sendOnce(plan, key, sender, chat, post);
    if (current.takeSendTwice()) {
      sendOnce(plan, key, sender, chat, post);
    }
    return delays.after(plan.latency(), outcome);
  }

  private SendOutcome sendOnce(
      FaultPlan plan, DeliveryKey key, Sender sender, ChatReference chat, Post post) {
    SendOutcome outcome = decide(plan, sender, chat, post);
    Instant at = clock.instant();
    recorder.record(new SandboxDelivery(at, sender, chat, post, outcome));
    if (key != null) {
      model().journal().ifPresent(journal -> journal.record(at, key, sender, outcome));
    }
    return outcome;
  }

  private SendOutcome decide(FaultPlan plan, Sender sender, ChatReference chat, Post post) {
    if (sender.kind() == Sender.Kind.SESSION) {
      // What the TDLib transport answers for such a session (TdlibSessions), before any chat.
      if (plan.unavailableSessions().contains(sender.id())) {
        return SendOutcome.SenderUnavailable.beforeSending(
            "sandbox: session " + sender.id() + " is not open on this node");
      }
      if (plan.needsLoginSessions().contains(sender.id())) {
        return TdlibErrorMapper.fromAuthorizationState("authorizationStateWaitCode")
            .orElseThrow()
            .answeredBeforeSending();
      }
    }
    if (plan.forbids(chat)) {
      return new SendOutcome.ChatForbidden("sandbox: chat " + chat + " is configured as forbidden");
    }
    // Posts are counted only while the fault is on: a count per sender is a map entry for every
    // sender that ever posted, kept and grown on every send for nothing when the fault is off.
    if (plan.floodWaitEvery() > 0 && recorder.countFor(sender) % plan.floodWaitEvery() == 0) {
      return new SendOutcome.FloodWait(plan.floodWait());
    }
    if (plan.banProbability() > 0 && model().faults().drawBan(plan.banProbability())) {
      return new SendOutcome.SenderBanned("sandbox: injected ban");
    }
    return sendIntoWorld(SandboxWorld.account(sender), chat, post);
  }

  private SendOutcome sendIntoWorld(Account account, ChatReference chat, Post post) {
    if (account.isBot() && chat.kind() == ChatReference.Kind.INVITE) {
      return new SendOutcome.ChatNotFound(
          "A bot cannot join by invite link: add the bot to the chat and use its @username or id");
    }
    SandboxReach reach = model().targets().reach();
    TelegramWorld telegram = reach.world();
    try {
      long chatId = reach.chatId(account, chat);
      Message sent =
          post.type() == PostType.TEXT
              ? telegram.sendMessage(account, chatId, chat.topic(), post.text(), markup(post))
              : post.type().carriesMedia()
                  ? telegram.sendMedia(
                      account,
                      chatId,
                      chat.topic(),
                      post.type().name().toLowerCase(Locale.ROOT),
                      post.caption().orElse(null),
                      markup(post),
                      post.media().stream()
                          .map(
                              m -> new SentMedium(m.kind().name().toLowerCase(Locale.ROOT), m.id()))
                          .toList())
                  : telegram.forwardMessage(account, chatId, chat.topic(), post.source().toLink());
      return new SendOutcome.Delivered(sent.id());
    } catch (TelegramException refused) {
      return SandboxOutcomes.of(account, refused);
    }
  }

  /** The post's entities and buttons as the model's Telegram receives them. */
  static MessageMarkup markup(Post post) {
    if (post.entities().isEmpty() && post.buttons().isEmpty()) {
      return MessageMarkup.NONE; // most posts: no streams to build an empty markup
    }
    return new MessageMarkup(
        post.entities().stream()
            .map(e -> new MessageMarkup.Entity(e.type(), e.offset(), e.length(), e.url()))
            .toList(),
        post.buttons().stream()
            .map(row -> row.stream().map(b -> new MessageMarkup.Button(b.text(), b.url())).toList())
            .toList());
  }

  private Model model() {
    Model made = model;
    if (made == null) {
      synchronized (this) {
        made = model;
        if (made == null) {
          made =
              new Model(
                  faults.instance(),
                  new SandboxTargets(new SandboxReach(world.world(), world.open())),
                  world.journal());
          model = made;
        }
      }
    }
    return made;
  }

  /**
   * Resolves and joins (or checks) the chat on the model before the first post. A session the fault
   * plan makes unavailable or logged out fails the preparation, as TDLib's does: the engine sends
   * as written, the send answers for the session, and nothing is recorded about the chat.
   */
  @Override
  public CompletionStage<Preparation> prepare(
      Sender sender, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin) {
    FaultPlan plan = model().faults().plan();
    if (sender.kind() == Sender.Kind.SESSION
        && (plan.unavailableSessions().contains(sender.id())
            || plan.needsLoginSessions().contains(sender.id()))) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("Sandbox session " + sender.id() + " cannot act now"));
    }
    return CompletableFuture.completedFuture(
        model().targets().prepare(sender, chat, known, mayJoin));
  }

  /** The Telegram world the sandbox posts into, with its send log. */
  public SandboxWorld world() {
    return world;
  }

  /** The most recent posts, oldest first (bounded). */
  public java.util.List<SandboxDelivery> sent() {
    return recorder.recent();
  }

  /** How many posts ended with each outcome code ({@code DELIVERED}, {@code FLOOD_WAIT}, ...). */
  public java.util.Map<String, Long> counters() {
    return recorder.counters();
  }

  public void clear() {
    recorder.clear();
  }

  @PreDestroy
  void close() {
    delays.close();
  }
}
