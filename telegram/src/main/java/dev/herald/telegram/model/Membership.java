package dev.herald.telegram.model;

/** An account's standing in one chat, as {@code getChatMember} reports it. */
public enum Membership {
  LEFT,
  MEMBER,
  ADMINISTRATOR,
  BANNED;

  public boolean joined() {
    return this == MEMBER || this == ADMINISTRATOR;
  }
}
