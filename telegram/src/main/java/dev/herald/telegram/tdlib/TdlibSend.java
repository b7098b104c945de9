package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.telegram.async.AsyncFailures;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One send by one session: wait until the client is ready (a client opened after a restart logs
 * itself in from its database), resolve the chat, send or forward, and wait for the final update at
 * most {@code sendTimeout} (then the pending message is cancelled). Every failure ends as an
 * outcome.
 */
final class TdlibSend {

  private final TdlibSessionClient client;
  private final TdlibConfig config;
  private final Optional<TdlibMedia> media;

  TdlibSend(TdlibSessionClient client, TdlibConfig config) {
    this(client, config, Optional.empty());
  }

  /** A send that can post media (stored in {@code media}'s store), as {@code sender}. */
  TdlibSend(TdlibSessionClient client, TdlibConfig config, Optional<TdlibMedia> media) {
    this.client = client;
    this.config = config;
    this.media = media;
  }

  /** A send's stages: not yet decided, the message handed to {@link #deliver}, or given up. */
  private static final int PENDING = 0;

  private static final int DELIVERING = 1;
  private static final int GIVEN_UP = 2;

  CompletableFuture<SendOutcome> send(ChatReference chat, Post post) {
    // A client not ready or offline is answered before TDLib is given the message: nothing went
    // out, so another sender may post the chat in this cycle (answeredBeforeSending). So is a
    // client that failed to start (timed out opening, or refused its parameters): deliver never
    // ran. The stage decides once between delivering and giving up, so a timeout racing the start
    // never calls a send "before sending" that went on to deliver.
    AtomicInteger stage = new AtomicInteger(PENDING);
    CompletableFuture<SendOutcome> result =
        client
            .started()
            .thenCompose(
                state ->
                    TdlibErrorMapper.fromAuthorizationState(TdlibJson.type(state))
                        .map(SendOutcome::answeredBeforeSending)
                        .or(this::offline)
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(
                            () ->
                                stage.compareAndSet(PENDING, DELIVERING)
                                    ? deliver(chat, post)
                                    : CompletableFuture.completedFuture(
                                        new SendOutcome.TransientError(
                                            "given up before sending"))));
    // The wait for the final update has its own send timeout, after which it cancels the pending
    // message (TdlibMessages.awaitFinal); this one, later by the requests before it, only bounds
    // the whole, so a post given up on here is already cancelled.
    return result
        .orTimeout(
            config.sendTimeout().plus(config.requestTimeout().multipliedBy(2)).toMillis(),
            TimeUnit.MILLISECONDS)
        .exceptionally(
            failure ->
                stage.compareAndExchange(PENDING, GIVEN_UP) == DELIVERING
                    ? failureOrRevoked(failure)
                    : failureOrRevoked(failure).answeredBeforeSending());
  }

  /**
   * A client long without Telegram takes no message: TDLib would hold it until the send timeout,
   * and the session is better parked (another of the account's senders goes on) than waited for.
   */
  private Optional<SendOutcome> offline() {
    return client.offline().map(SendOutcome.SenderUnavailable::beforeSending);
  }

  /**
   * A send cut short while the client is not ready is explained by its state: logged out or closed
   * (needs a login), or still starting (unavailable: a timeout waiting for a client to open is no
   * failure of the chat). Answered as before sending only by the caller, when TDLib was never given
   * the message.
   */
  private SendOutcome failureOrRevoked(Throwable failure) {
    Optional<String> refused = client.authorization().refusal();
    if (refused.isPresent()) {
      return new SendOutcome.SenderNeedsLogin(refused.get());
    }
    if (client.closedByHerald()) {
      // Closed here (its lease lost or not kept, the node stopping): no verdict on the session.
      return new SendOutcome.SenderUnavailable("the session's client was closed on this node");
    }
    String state = client.authorizationState();
    if (!AuthorizationStates.READY.equals(state)) {
      return TdlibErrorMapper.fromAuthorizationState(state).orElseThrow();
    }
    return failure(failure);
  }

  private CompletableFuture<SendOutcome> deliver(ChatReference chat, Post post) {
    return client
        .chats()
        .resolve(chat)
        .thenCompose(
            chatId ->
                post(new TdlibDestination(chatId, chat.topic()), post)
                    .thenCompose(outcome -> slowModeOrFlood(chatId, outcome)));
  }

  /**
   * TDLib sits out a {@code SLOWMODE_WAIT_X} like a {@code FLOOD_WAIT_X} and, past its own 60 s
   * limit, answers both as {@code 429 "Too Many Requests: retry after X"} ({@code
   * NetQueryDelayer}). A slow mode concerns this chat only, a flood wait the whole session: so a
   * flood wait in a supergroup whose slow mode is still running ({@code getSupergroupFullInfo}'s
   * {@code slow_mode_delay_expires_in}) is that chat's slow mode. When that cannot be read, it
   * stays a flood wait (the careful reading: the session waits).
   */
  private CompletableFuture<SendOutcome> slowModeOrFlood(long chatId, SendOutcome outcome) {
    if (!(outcome instanceof SendOutcome.FloodWait)) {
      return CompletableFuture.completedFuture(outcome);
    }
    return client
        .request(TdlibJson.object("getChat").add("chat_id", chatId).build())
        .thenCompose(
            found -> {
              JsonObject type = TdlibJson.child(found, "type");
              if (type == null || !"chatTypeSupergroup".equals(TdlibJson.type(type))) {
                return CompletableFuture.completedFuture(outcome);
              }
              return client
                  .request(
                      TdlibJson.object("getSupergroupFullInfo")
                          .add("supergroup_id", TdlibJson.number(type, "supergroup_id", 0))
                          .build())
                  .thenApply(
                      info -> {
                        double left =
                            info.containsKey("slow_mode_delay_expires_in")
                                ? info.getJsonNumber("slow_mode_delay_expires_in").doubleValue()
                                : 0;
                        return left > 0
                            ? new SendOutcome.SlowMode(
                                Duration.ofSeconds((long) Math.ceil(left)),
                                (int) TdlibJson.number(info, "slow_mode_delay", 0))
                            : outcome;
                      });
            })
        .exceptionally(unknown -> outcome);
  }

  private CompletableFuture<SendOutcome> post(TdlibDestination to, Post post) {
    if (post.type().carriesMedia()) {
      return media
          .map(m -> m.send(to, post))
          .orElseGet(
              () ->
                  CompletableFuture.completedFuture(
                      new SendOutcome.TransientError("No media store: TDLib cannot send media")));
    }
    if (post.type() == PostType.TEXT) {
      return TdlibMessages.sendText(client, to, post.text(), post.entities());
    }
    return client
        .chats()
        .source(post.source())
        .thenCompose(
            source -> TdlibMessages.forward(client, to, source.chatId(), source.messageId()));
  }

  static SendOutcome failure(Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    if (cause instanceof TdlibException) {
      TdlibException error = (TdlibException) cause;
      return TdlibErrorMapper.map(error.code(), error.tdlibMessage());
    }
    if (cause instanceof TimeoutException) {
      return new SendOutcome.TransientError("TDLib did not confirm the send in time");
    }
    return new SendOutcome.TransientError("TDLib send failed: " + cause.getMessage());
  }
}
