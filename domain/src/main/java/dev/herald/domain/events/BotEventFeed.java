package dev.herald.domain.events;

import java.time.Duration;

/**
 * The node's one subscription to every node's changes. Only the dispatcher thread calls {@link
 * #await}.
 */
public interface BotEventFeed {

  /**
   * Blocks until changes are announced or the timeout passes (then {@link Wake#NONE}); reconnects
   * by itself after a lost connection and then answers {@link Wake#everything()}, as announcements
   * may have been missed.
   */
  Wake await(Duration timeout);

  /**
   * Whether the feed is subscribed now: false from a lost connection until the {@link #await} that
   * subscribes again (and answers {@link Wake#everything()}).
   */
  boolean connected();

  /**
   * Says whether this node listens (it has open streams, or its state cache is on): changes are
   * announced (by any node's statements) only while some node says so. Called when that changes and
   * again before {@code validFor} passes.
   */
  void listening(boolean listening, Duration validFor);

  /** Releases the feed's connection. */
  void close();
}
