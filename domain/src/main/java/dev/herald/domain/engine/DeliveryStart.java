package dev.herald.domain.engine;

/** Whether a post may be sent. */
public enum DeliveryStart {
  /** The record is written: send now. */
  SEND,
  /** A record exists for this chat in this cycle: a send may have happened, never send again. */
  ALREADY_ATTEMPTED,
  /** The bot is no longer running here (stopped, suspended, or its lease is gone). */
  BOT_NOT_RUNNING
}
