package dev.herald.telegram.model;

/**
 * Telegram's kinds of chat with several members. Channels are broadcast-only (only admins post); a
 * discussion group is a supergroup linked to a channel, where comments are written.
 */
public enum ChatKind {
  GROUP,
  SUPERGROUP,
  CHANNEL,
  DISCUSSION_GROUP;

  /** Only administrators may post: channels. */
  public boolean broadcast() {
    return this == CHANNEL;
  }

  /** Slow mode exists in supergroups (discussion groups are supergroups), not in channels. */
  public boolean hasSlowMode() {
    return this == SUPERGROUP || this == DISCUSSION_GROUP;
  }

  /**
   * Where TDLib takes a topic id ({@code can_be_forum}): supergroups, forums or not; not basic
   * groups and channels.
   */
  public boolean canBeForum() {
    return this == SUPERGROUP || this == DISCUSSION_GROUP;
  }

  /** Where the Bot API's "20 messages per minute to the same group" applies. */
  public boolean group() {
    return this != CHANNEL;
  }

  /** The Bot API's word for the chat in error texts ("bot is not a member of the ... chat"). */
  String botApiName() {
    return switch (this) {
      case GROUP -> "group";
      case CHANNEL -> "channel";
      case SUPERGROUP, DISCUSSION_GROUP -> "supergroup";
    };
  }
}
