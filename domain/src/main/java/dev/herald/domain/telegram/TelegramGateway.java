package dev.herald.domain.telegram;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends one post to one chat on behalf of one sender. Implementations never throw for a
 * Telegram-side failure: every failure is one of the {@link SendOutcome} cases, so the engine can
 * decide (cool down, ban, skip the chat) without parsing exceptions.
 */
public interface TelegramGateway {

  /** The transport's name as shown to users ({@code sandbox}, {@code tdlib}, {@code botapi}). */
  String transport();

  /** True when nothing really reaches Telegram (the sandbox). */
  default boolean dryRun() {
    return false;
  }

  /**
   * The transport that sends for this kind of sender: senders of one account may post through
   * different transports (sessions through TDLib, the tenant's own bot through the sandbox), and
   * each is labelled with its own.
   */
  default String transport(Sender.Kind kind) {
    return transport();
  }

  /** True when what this kind of sender posts reaches no real Telegram. */
  default boolean dryRun(Sender.Kind kind) {
    return dryRun();
  }

  SendOutcome send(Sender sender, ChatReference chat, Post post);

  /**
   * The same send without holding the caller's thread while Telegram (or the sandbox's simulated
   * latency) answers. This default runs {@link #send} on the calling thread; transports that wait
   * on the network override it. The stage may complete on a transport-owned thread, so callers
   * attach further work with the {@code *Async} variants and their own (managed) executor.
   */
  default CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
    return CompletableFuture.completedFuture(send(sender, chat, post));
  }

  /**
   * {@link #sendAsync(Sender, ChatReference, Post)} for one cycle's delivery, named by {@code key}.
   * Only a transport that logs its sends uses the key (the sandbox's send log, from which tests and
   * benchmarks count duplicates); by default it is dropped and the send is the same.
   */
  default CompletionStage<SendOutcome> sendAsync(
      DeliveryKey key, Sender sender, ChatReference chat, Post post) {
    return sendAsync(sender, chat, post);
  }
}
