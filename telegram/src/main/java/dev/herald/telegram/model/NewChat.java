package dev.herald.telegram.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What an admin (or a test) creates: a chat's kind and title, optionally a fixed id, a public
 * username, an invite link, join requests, slow mode, protected content, topics (a forum), and the
 * channel it discusses.
 */
public final class NewChat {

  final ChatKind kind;
  final String title;
  long id;
  Optional<String> username = Optional.empty();
  boolean inviteLink;
  String inviteHash;
  boolean joinByRequest;
  int slowModeDelay;
  boolean protectedContent;
  boolean forum;
  long discussionOf;

  private NewChat(ChatKind kind, String title) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.title = Objects.requireNonNull(title, "title");
  }

  public static NewChat of(ChatKind kind, String title) {
    return new NewChat(kind, title);
  }

  public static NewChat supergroup(String title) {
    return of(ChatKind.SUPERGROUP, title);
  }

  public static NewChat channel(String title) {
    return of(ChatKind.CHANNEL, title);
  }

  /** A fixed chat id (e.g. {@code -1001234567890}); by default the world assigns one. */
  public NewChat id(long value) {
    this.id = value;
    return this;
  }

  /** Public: anyone can find it by this username and join. */
  public NewChat username(String value) {
    this.username = Optional.of(value);
    return this;
  }

  /** Has an invite link (read it back with {@link TelegramWorld#inviteLink}). */
  public NewChat inviteLink() {
    this.inviteLink = true;
    return this;
  }

  /** Has this invite link ({@code https://t.me/+hash} or just the hash). */
  public NewChat inviteLink(String link) {
    this.inviteLink = true;
    this.inviteHash = ChatDirectory.inviteHash(link);
    return this;
  }

  /** Joining sends a request that an admin approves ({@link TelegramWorld#approveJoinRequest}). */
  public NewChat joinByRequest() {
    this.joinByRequest = true;
    return this;
  }

  public NewChat slowMode(int seconds) {
    this.slowModeDelay = SlowMode.checked(seconds);
    return this;
  }

  /** Its messages cannot be forwarded or saved (Telegram's "restrict saving content"). */
  public NewChat protectedContent() {
    this.protectedContent = true;
    return this;
  }

  /**
   * A supergroup organised in topics (a forum): posts without a topic go to its General topic; more
   * topics are made with {@link TelegramWorld#createTopic}.
   */
  public NewChat forum() {
    if (kind != ChatKind.SUPERGROUP) {
      throw new IllegalArgumentException("Only a supergroup can be a forum");
    }
    this.forum = true;
    return this;
  }

  /** This group is the discussion group of the given channel. */
  public NewChat discussionOf(long channelId) {
    this.discussionOf = channelId;
    return this;
  }
}
