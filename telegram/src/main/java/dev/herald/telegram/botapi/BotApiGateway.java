package dev.herald.telegram.botapi;

import dev.herald.domain.media.MediaStore;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.userbot.UserBotRequests;
import dev.herald.telegram.config.TelegramSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends as a tenant's own bot, the token taken from {@link Sender#credential()}. No MicroProfile
 * Fault Tolerance here: the HTTP client's own request timeout bounds every call, every failure is
 * already an outcome (nothing for a breaker to count), and one breaker for all tenants' bots would
 * let one bad token stop the others.
 */
@ApplicationScoped
@Typed(BotApiGateway.class)
public class BotApiGateway implements TelegramGateway, TargetPreparer {

  private static final Logger LOG = Logger.getLogger(BotApiGateway.class.getName());

  private TelegramSettings settings;
  private BotApiClient client;
  private boolean forwardAsCopy;
  private BotApiMedia media;

  /** Each user bot's requests at its admin's limits; none in tests that send unpaced. */
  private UserBotThrottle throttle;

  private UserBotRequests requests;

  /** The throttle's scheduler when no managed one could be looked up (outside a container). */
  private ScheduledExecutorService ownScheduler;

  /**
   * Groups Telegram upgraded to supergroups, by the chat as configured: once an upgrade was
   * followed, later posts go to the new id directly instead of making a refused call first every
   * cycle. Per node and in memory (a restart costs one refused call per group); only upgraded
   * groups are kept, and the delivery record keeps the configured chat, so rule 10 is unchanged.
   */
  private final Map<String, ChatReference> upgraded = new ConcurrentHashMap<>();

  public BotApiGateway() {}

  @Inject
  public BotApiGateway(TelegramSettings settings, MediaStore media, UserBotRequests requests) {
    this.settings = settings;
    this.media = new BotApiMedia(media);
    this.requests = requests;
  }

  /** For tests that send no media. */
  public BotApiGateway(BotApiClient client, boolean forwardAsCopy) {
    this.client = client;
    this.forwardAsCopy = forwardAsCopy;
  }

  public BotApiGateway(BotApiClient client, boolean forwardAsCopy, MediaStore media) {
    this(client, forwardAsCopy);
    this.media = new BotApiMedia(media);
  }

  /**
   * The container's managed scheduler (its threads carry the application's context and end with
   * it), or a daemon thread of this gateway's own outside a container.
   */
  private ScheduledExecutorService scheduler() {
    try {
      return (ScheduledExecutorService)
          new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService");
    } catch (NamingException | RuntimeException noContainer) {
      LOG.info("No managed scheduler: user bots' request limits are kept on a thread of their own");
      ownScheduler =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "herald-user-bot-throttle");
                thread.setDaemon(true);
                return thread;
              });
      return ownScheduler;
    }
  }

  /** Paces every user bot's requests through {@code throttle} (tests). */
  BotApiGateway pacedBy(UserBotThrottle throttle) {
    this.throttle = throttle;
    return this;
  }

  /** The requests made and not yet counted go to the bots' totals before the node stops. */
  @PreDestroy
  void countRequests() {
    if (throttle != null) {
      throttle.countAll();
    }
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
  }

  @PostConstruct
  void connect() {
    client = new BotApiClient(settings.botApiBaseUrl(), settings.botApiTimeout());
    forwardAsCopy = settings.botApiForwardAsCopy();
    throttle = UserBotThrottle.started(requests, scheduler());
  }

  @Override
  public String transport() {
    return "botapi";
  }

  @Override
  public SendOutcome send(Sender sender, ChatReference chat, Post post) {
    return sendAsync(sender, chat, post).toCompletableFuture().join();
  }

  @Override
  public CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
    if (sender.kind() == Sender.Kind.SESSION) {
      // A routing mistake, not the session's fault: never a ban (rule 14).
      return done(
          SendOutcome.SenderUnavailable.beforeSending(
              "The Bot API cannot send as a pooled session"));
    }
    if (sender.credential() == null) {
      return done(
          new SendOutcome.Unauthorized("The Bot API sends only as a user bot with a token"));
    }
    if (chat.kind() == ChatReference.Kind.INVITE
        || (post.type() == PostType.FORWARD
            && post.source().chat().kind() == ChatReference.Kind.INVITE)) {
      return done(
          new SendOutcome.ChatNotFound(
              "A bot cannot join by invite link: add the bot to the chat and use its @username or"
                  + " id"));
    }
    return attempt(sender, upgraded.getOrDefault(chat.canonical(), chat), post)
        .thenCompose(
            sent -> {
              if (sent.migratedTo().isEmpty()) {
                return done(sent.outcome());
              }
              ChatReference supergroup = ChatReference.parse(sent.migratedTo().get().toString());
              return attempt(sender, supergroup, post)
                  .thenApply(
                      again -> {
                        if (again.outcome() instanceof SendOutcome.Delivered) {
                          upgraded.put(chat.canonical(), supergroup);
                        }
                        return again.outcome();
                      });
            });
  }

  /**
   * What one call answered, and the group's new id when it was upgraded to a supergroup ({@code
   * migrate_to_chat_id}, with a 400 "group chat was upgraded to a supergroup chat"): the post then
   * goes to the new id at once, and a second upgrade is not followed.
   */
  private record Sent(SendOutcome outcome, Optional<Long> migratedTo) {

    static Sent of(BotApiResponse response, SendOutcome outcome) {
      return new Sent(outcome, response.ok() ? Optional.empty() : response.migrateToChatId());
    }
  }

  private CompletionStage<Sent> attempt(Sender sender, ChatReference chat, Post post) {
    if (post.type().carriesMedia()) {
      return sendMedia(sender, chat, post);
    }
    String method =
        post.type() == PostType.TEXT
            ? "sendMessage"
            : forwardAsCopy ? "copyMessage" : "forwardMessage";
    var body =
        post.type() == PostType.TEXT
            ? BotApiRequests.sendMessage(chat, post)
            : BotApiRequests.forwardOrCopy(chat, post.source());
    return as(sender)
        .call(method, body)
        .thenApply(response -> Sent.of(response, outcome(response)));
  }

  /** A bot cannot join: it checks that it was added and may post ({@link BotApiTargets}). */
  @Override
  public CompletionStage<Preparation> prepare(
      Sender sender, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin) {
    if (sender.kind() == Sender.Kind.SESSION || sender.credential() == null) {
      return CompletableFuture.completedFuture(Preparation.ready(0, null, 0, false));
    }
    return new BotApiTargets(as(sender)).prepare(chat);
  }

  /** Calls as the user bot {@code sender}, each when the bot's limits let it start. */
  private BotApiTargets.Calls as(Sender sender) {
    return (method, parameters) ->
        paced(sender, () -> client.callAsync(sender.credential(), method, parameters));
  }

  private CompletableFuture<BotApiResponse> paced(
      Sender sender, Supplier<CompletableFuture<BotApiResponse>> call) {
    return throttle == null ? call.get() : throttle.call(sender.id(), call);
  }

  private CompletionStage<Sent> sendMedia(Sender sender, ChatReference chat, Post post) {
    Optional<BotApiMedia.Call> prepared =
        media == null ? Optional.empty() : media.prepare(sender, chat, post);
    if (prepared.isEmpty()) {
      return done(
          new Sent(
              new SendOutcome.PostRejected(
                  "A medium of the post is no longer stored: choose the post's media again"),
              Optional.empty()));
    }
    BotApiMedia.Call call = prepared.get();
    CompletableFuture<BotApiResponse> answer =
        call.json() != null
            ? as(sender).call(call.method(), call.json())
            : paced(
                sender,
                () -> client.callAsync(sender.credential(), call.method(), call.multipart()));
    return answer.thenApply(
        response -> {
          if (!response.ok()) {
            return Sent.of(response, BotApiErrorMapper.map(response));
          }
          media.remember(sender, post, call.uploaded(), response.result());
          return Sent.of(
              response, new SendOutcome.Delivered(BotApiMedia.firstMessageId(response.result())));
        });
  }

  private static SendOutcome outcome(BotApiResponse response) {
    if (response.ok()) {
      // sendMessage/forwardMessage answer a Message, copyMessage a MessageId: both have message_id.
      return new SendOutcome.Delivered(
          response.resultObject().getJsonNumber("message_id").longValue());
    }
    return BotApiErrorMapper.map(response);
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
