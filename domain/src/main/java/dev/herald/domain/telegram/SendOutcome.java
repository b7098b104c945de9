package dev.herald.domain.telegram;

import java.time.Duration;

/**
 * The result of one send, as the engine needs it. Transports map their own errors (TDLib error
 * objects, Bot API {@code error_code}s, injected sandbox faults) onto these cases.
 */
public sealed interface SendOutcome {

  /**
   * Every case's {@link #code()}, so counters per outcome exist from the start (at 0), before the
   * first post of each kind; SendOutcomeCodesTest keeps it equal to the cases'.
   */
  java.util.List<String> CODES =
      java.util.List.of(
          "DELIVERED",
          "FLOOD_WAIT",
          "SLOW_MODE",
          "SENDER_BANNED",
          "SENDER_LIMITED",
          "CHAT_FORBIDDEN",
          "TOPIC_UNAVAILABLE",
          "CHAT_NOT_FOUND",
          "SENDER_UNAVAILABLE",
          "SENDER_NEEDS_LOGIN",
          "UNAUTHORIZED",
          "POST_REJECTED",
          "TRANSIENT_ERROR");

  /**
   * The codes of the outcomes where Telegram refused the send because of the sender, not the chat
   * nor the post: a flood wait, a ban, a spam limit, a refused bot token. Telegram sent nothing, so
   * another sender may post that chat in the same cycle: the ledger reopens such a record once
   * (rule 10 holds), and the engine hands the cycle to the account's other senders ({@code
   * CycleRun}). A park ({@link SenderUnavailable}, {@link SenderNeedsLogin}) is not among them:
   * TDLib answers it also for a message it had taken when its client closed or the wait ran out,
   * which may have gone out; only a park answered before the message reached TDLib is retried
   * ({@link #retryableByAnotherSender}). SendOutcomeCodesTest keeps the list to the outcomes that
   * cool down or ban the sender.
   */
  java.util.List<String> SENDER_REFUSALS =
      java.util.List.of("FLOOD_WAIT", "SENDER_BANNED", "SENDER_LIMITED", "UNAUTHORIZED");

  /** Telegram accepted the message; {@code messageId} is its id in the target chat. */
  record Delivered(long messageId) implements SendOutcome {
    @Override
    public String detail() {
      return "delivered as message " + messageId;
    }

    @Override
    public String code() {
      return "DELIVERED";
    }
  }

  /** The sender must wait before sending anything ({@code FLOOD_WAIT_N}, Bot API 429). */
  record FloodWait(Duration retryAfter) implements SendOutcome {
    @Override
    public String detail() {
      return "Telegram asked to wait "
          + retryAfter.toSeconds()
          + " s before the next send (flood wait)";
    }

    @Override
    public String code() {
      return "FLOOD_WAIT";
    }
  }

  /**
   * This chat accepts a message from this sender only after {@code retryAfter} ({@code
   * SLOWMODE_WAIT_N}); {@code delaySeconds} is the chat's slow mode delay when the transport read
   * it (0 when it did not: Telegram's answer names only the wait).
   */
  record SlowMode(Duration retryAfter, int delaySeconds) implements SendOutcome {

    public SlowMode(Duration retryAfter) {
      this(retryAfter, 0);
    }

    @Override
    public String detail() {
      return "slow mode: this chat takes the next message in " + retryAfter.toSeconds() + " s";
    }

    @Override
    public String code() {
      return "SLOW_MODE";
    }
  }

  /** The sender is gone for good: banned, deactivated, or its authorization revoked. */
  record SenderBanned(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "SENDER_BANNED";
    }
  }

  /**
   * The sender hit Telegram's spam limit ({@code PEER_FLOOD}); configuration decides whether that
   * bans the session or cools it down.
   */
  record SenderLimited(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "SENDER_LIMITED";
    }
  }

  /** The sender may not write to this chat (kicked, banned in it, read-only). */
  record ChatForbidden(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "CHAT_FORBIDDEN";
    }
  }

  /**
   * The forum topic the target names takes no post: closed by its admins, deleted, or not a topic
   * of this chat (the chat is no forum). The chat itself may be fine; the topic needs a person.
   */
  record TopicUnavailable(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "TOPIC_UNAVAILABLE";
    }
  }

  /** The chat does not exist or cannot be resolved. */
  record ChatNotFound(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "CHAT_NOT_FOUND";
    }
  }

  /**
   * The session cannot send from here now, and Telegram said nothing against it: its client is not
   * open on this node (or is still starting), or the TDLib library is missing. Never a ban: the
   * session is parked {@code UNAVAILABLE} and tried again after a short back-off.
   *
   * @param nothingSent answered before the message reached TDLib, so another sender may post the
   *     chat in this cycle ({@link #retryableByAnotherSender})
   */
  record SenderUnavailable(String reason, boolean nothingSent) implements SendOutcome {

    /**
     * A park that may come after the message reached TDLib (its client closed, or the wait ran out,
     * while TDLib held it): it may have gone out, so the chat is not tried again in the cycle.
     */
    public SenderUnavailable(String reason) {
      this(reason, false);
    }

    /**
     * Answered before the message reached TDLib (the session is not open on this node, its proxy
     * fails, its client is offline): nothing was sent.
     */
    public static SenderUnavailable beforeSending(String reason) {
      return new SenderUnavailable(reason, true);
    }

    @Override
    public boolean retryableByAnotherSender() {
      return nothingSent;
    }

    @Override
    public SendOutcome answeredBeforeSending() {
      return beforeSending(reason);
    }

    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "SENDER_UNAVAILABLE";
    }
  }

  /**
   * The session is not logged in (TDLib waits for a phone number, code or password, or logged out
   * without Telegram saying the account is banned). Never a ban: the session is parked {@code
   * NEEDS_LOGIN} until an admin logs it in again.
   *
   * @param nothingSent answered before the message reached TDLib ({@link SenderUnavailable}'s)
   */
  record SenderNeedsLogin(String reason, boolean nothingSent) implements SendOutcome {

    /** A park that may come after the message reached TDLib ({@link SenderUnavailable}'s). */
    public SenderNeedsLogin(String reason) {
      this(reason, false);
    }

    @Override
    public boolean retryableByAnotherSender() {
      return nothingSent;
    }

    @Override
    public SendOutcome answeredBeforeSending() {
      return new SenderNeedsLogin(reason, true);
    }

    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "SENDER_NEEDS_LOGIN";
    }
  }

  /**
   * The sender's credentials are rejected (Bot API 401: bad token). For a tenant's user bot only:
   * the TDLib transport answers {@link SenderNeedsLogin} or {@link SenderBanned} for sessions.
   */
  record Unauthorized(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "UNAUTHORIZED";
    }
  }

  /**
   * Telegram refuses the post itself, whatever the chat or the sender: too long once formatted,
   * formatting it cannot parse, an empty text, a bad button link; or a medium of the post is no
   * longer stored. Sending it again changes nothing until the tenant edits the post.
   */
  record PostRejected(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "POST_REJECTED";
    }
  }

  /** Anything else: network trouble, timeouts, 5xx. Worth trying again in a later cycle. */
  record TransientError(String reason) implements SendOutcome {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public String code() {
      return "TRANSIENT_ERROR";
    }
  }

  /**
   * The code stored in {@code delivery_record.outcome} and used for counters and logs. Each case
   * names its own, so renaming a record never changes what the database holds; existing rows keep
   * these exact strings.
   */
  String code();

  /**
   * Whether another sender may post this chat in the same cycle: the fault was the sender's, and
   * nothing was sent. True for Telegram's refusals of the sender ({@link #SENDER_REFUSALS}) and for
   * a park answered before the message reached TDLib ({@link #answeredBeforeSending}); never for a
   * park that may come after it (rule 10: a post that may have gone out is never sent again). The
   * ledger keeps it with the record ({@code delivery_record.retryable}, V97) and reopens such a
   * record once; the daily cap does not count it.
   */
  default boolean retryableByAnotherSender() {
    return SENDER_REFUSALS.contains(code());
  }

  /**
   * This outcome, known to be answered before the message reached TDLib: a park then becomes {@link
   * #retryableByAnotherSender}; every other outcome stays as it is.
   */
  default SendOutcome answeredBeforeSending() {
    return this;
  }

  /**
   * What happened, in words for the delivery record and the tenant (Telegram's or the transport's
   * own text, or the wait asked): not the record's Java form.
   */
  String detail();
}
