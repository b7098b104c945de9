package dev.herald.domain.targets;

/** Whether a sender may post in a chat, as far as Herald last checked. */
public enum TargetMembership {
  /** A member (or a bot added to the chat) that may post. */
  JOINED,
  /** The chat needs an admin's approval: a join request was sent, Herald checks again later. */
  JOIN_REQUESTED,
  /** Not in the chat (yet): a session joins when pacing allows, a bot must be added. */
  NOT_MEMBER,
  /** Banned or removed from the chat by its admins. */
  BANNED_IN_CHAT,
  /** In the chat but not allowed to write (a channel, a read-only group). */
  WRITE_FORBIDDEN
}
