package dev.herald.telegram.tdlib;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends as a pooled session through TDLib. The per-send timeout and the per-session breaker live in
 * {@link TdlibSessions}; the MP Fault Tolerance {@code @Timeout} on the blocking {@link #send} is
 * only the outer guard (overridable as {@code
 * dev.herald.telegram.tdlib.TdlibGateway/send/Timeout/value}), with a fallback so that the port's
 * promise, an outcome and never an exception, holds.
 */
@ApplicationScoped
@Typed(TdlibGateway.class)
public class TdlibGateway implements TelegramGateway, TargetPreparer {

  private TdlibTransport transport;

  public TdlibGateway() {}

  @Inject
  public TdlibGateway(TdlibTransport transport) {
    this.transport = transport;
  }

  @Override
  public String transport() {
    return "tdlib";
  }

  /** The model library ({@code herald.tdlib.library=model}) posts nowhere. */
  @Override
  public boolean dryRun() {
    return transport != null && transport.onModel();
  }

  @Override
  @Timeout(value = 120, unit = ChronoUnit.SECONDS)
  @Fallback(fallbackMethod = "sendTimedOut")
  public SendOutcome send(Sender sender, ChatReference chat, Post post) {
    return sendAsync(sender, chat, post).toCompletableFuture().join();
  }

  SendOutcome sendTimedOut(Sender sender, ChatReference chat, Post post) {
    return new SendOutcome.TransientError("TDLib send of " + sender + " did not finish in time");
  }

  @Override
  public CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
    if (sender.kind() != Sender.Kind.SESSION) {
      return CompletableFuture.completedFuture(
          new SendOutcome.Unauthorized("TDLib sends only as a pooled session"));
    }
    return transport
        .sessions()
        .map(sessions -> sessions.send(sender.id(), chat, post))
        .orElseGet(
            () ->
                CompletableFuture.completedFuture(
                    SendOutcome.SenderUnavailable.beforeSending(
                        "TDLib transport is down: " + transport.status().detail())));
  }

  @Override
  public CompletionStage<Preparation> prepare(
      Sender sender, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin) {
    // Without a session's TDLib nothing is known of the chat: the preparation fails, so the engine
    // sends as written, the send says why, and nothing is recorded about the chat.
    if (sender.kind() != Sender.Kind.SESSION) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("TDLib prepares chats only for pooled sessions"));
    }
    return transport
        .sessions()
        .map(sessions -> sessions.prepare(sender.id(), chat, known, mayJoin))
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new IllegalStateException(
                        "TDLib transport is down: " + transport.status().detail())));
  }
}
