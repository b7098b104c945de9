package dev.herald.domain.telegram;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target chat as a tenant may write it ({@code @name}, {@code name}, {@code https://t.me/name},
 * {@code https://t.me/+invite}, {@code https://t.me/c/123/…}, {@code -1001234567890}), normalised
 * to one canonical form so that two spellings of one chat compare equal; optionally one topic of a
 * forum, as Telegram's topic links name it ({@code https://t.me/name/5}, {@code
 * https://t.me/c/123/5}, or a link to a message in the topic, {@code https://t.me/name/5/77}).
 *
 * <p>Canonical forms: {@code @username} in lower case (Telegram usernames ignore case), the numeric
 * chat id as a decimal string, or {@code https://t.me/+hash} for invite links (hashes keep case); a
 * topic follows as {@code /id} ({@code @name/5}, {@code -1001234567890/5}). The topic is part of
 * the reference (a target is one topic of one chat), the {@link #chat() chat} without it is what
 * Telegram resolves and joins. Topic 1 is every forum's General topic, where a post without a topic
 * goes: it is written without one. Invite links name no topic.
 */
public record ChatReference(Kind kind, String canonical) {

  public enum Kind {
    USERNAME,
    CHAT_ID,
    INVITE
  }

  /** Telegram's rule: 5 to 32 characters, a letter first, letters, digits and underscores. */
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");

  private static final Pattern CHAT_ID = Pattern.compile("-?[1-9][0-9]{0,18}");
  private static final Pattern LINK =
      Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?(?:t|telegram)\\.(?:me|dog)/(.+)$");
  private static final Pattern INVITE_HASH = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern PRIVATE_CHANNEL =
      Pattern.compile("c/([1-9][0-9]{0,15})(?:/([0-9]+))?(?:/.*)?");

  /**
   * A public link's path: the username, then maybe a number (a topic, or a message of a chat that
   * is no forum) and more; a word there ({@code t.me/name/about}) is ignored, as before topics.
   */
  private static final Pattern PUBLIC_PATH = Pattern.compile("([^/]+)(?:/([0-9]+))?(?:/.*)?");

  /** A topic id as Telegram writes it: positive, no leading zero, at most an int32. */
  private static final Pattern TOPIC_ID = Pattern.compile("[1-9][0-9]{0,9}");

  /**
   * Telegram's older link to a message in a topic, {@code t.me/name/77?thread=5}: the topic is the
   * {@code thread} parameter, not the message id in the path.
   */
  private static final Pattern THREAD_PARAMETER = Pattern.compile("[?&](?:thread|topic)=([0-9]+)");

  /** A canonical reference with a topic: {@code @name/5} or {@code -1001234567890/5}. */
  private static final Pattern WITH_TOPIC = Pattern.compile("(@?[^/]+)/([1-9][0-9]{0,9})");

  /** Every forum's General topic: a post without a topic goes there. */
  public static final int GENERAL_TOPIC = 1;

  /** How every canonical invite link begins. */
  private static final String INVITE_PREFIX = "https://t.me/+";

  /** The id prefix Telegram gives channels and supergroups in the Bot API and TDLib. */
  private static final String CHANNEL_ID_PREFIX = "-100";

  public ChatReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(canonical, "canonical");
  }

  /**
   * Parses what a user wrote.
   *
   * @throws IllegalArgumentException with a message a person can act on
   */
  public static ChatReference parse(String raw) {
    return tryParse(raw)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Not a Telegram chat: use @username, a https://t.me/ link or a numeric chat"
                        + " id."));
  }

  public static Optional<ChatReference> tryParse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String value = raw.strip();
    if (value.isEmpty() || value.length() > 256) {
      return Optional.empty();
    }
    Matcher withTopic = WITH_TOPIC.matcher(value);
    if (withTopic.matches()) {
      return inTopic(chatOnly(withTopic.group(1)), withTopic.group(2));
    }
    return chatOnly(value);
  }

  private static Optional<ChatReference> chatOnly(String value) {
    if (CHAT_ID.matcher(value).matches()) {
      return parseChatId(value);
    }
    if (value.startsWith("@")) {
      return username(value.substring(1));
    }
    Matcher link = LINK.matcher(value);
    if (link.matches()) {
      Matcher thread = THREAD_PARAMETER.matcher(link.group(1));
      Optional<ChatReference> linked = fromLinkPath(stripQuery(link.group(1)));
      return thread.find()
          ? linked.flatMap(chat -> inTopic(Optional.of(chat.chat()), thread.group(1)))
          : linked;
    }
    return username(value);
  }

  private static Optional<ChatReference> parseChatId(String value) {
    try {
      return Optional.of(new ChatReference(Kind.CHAT_ID, Long.toString(Long.parseLong(value))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  private static Optional<ChatReference> fromLinkPath(String path) {
    if (path.startsWith("+")) {
      return invite(path.substring(1));
    }
    if (path.regionMatches(true, 0, "joinchat/", 0, 9)) {
      return invite(path.substring(9));
    }
    Matcher privateChannel = PRIVATE_CHANNEL.matcher(path);
    if (privateChannel.matches()) {
      return inTopic(
          parseChatId(CHANNEL_ID_PREFIX + privateChannel.group(1)), privateChannel.group(2));
    }
    Matcher publicPath = PUBLIC_PATH.matcher(path);
    if (publicPath.matches()) {
      return inTopic(username(publicPath.group(1)), publicPath.group(2));
    }
    return username(path);
  }

  /**
   * The chat in the topic the link names after it (none: the chat itself). A link such as {@code
   * https://t.me/name/42} names topic 42 of a forum, or message 42 of any other chat: as a target
   * only the topic makes sense, and a chat that is no forum is told so by Telegram at the send.
   */
  private static Optional<ChatReference> inTopic(Optional<ChatReference> chat, String topic) {
    if (chat.isEmpty() || topic == null) {
      return chat;
    }
    if (chat.get().kind() == Kind.INVITE || !TOPIC_ID.matcher(topic).matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(topic);
    if (id > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return id == GENERAL_TOPIC
        ? chat
        : Optional.of(new ChatReference(chat.get().kind(), chat.get().canonical() + "/" + id));
  }

  private static Optional<ChatReference> invite(String hash) {
    String trimmed = hash.endsWith("/") ? hash.substring(0, hash.length() - 1) : hash;
    if (!INVITE_HASH.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChatReference(Kind.INVITE, INVITE_PREFIX + trimmed));
  }

  private static Optional<ChatReference> username(String name) {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (!USERNAME.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChatReference(Kind.USERNAME, "@" + trimmed.toLowerCase(Locale.ROOT)));
  }

  static String stripQuery(String path) {
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) {
      int at = path.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return path.substring(0, cut);
  }

  /**
   * The username without {@code @} (and without the topic), for {@link Kind#USERNAME} references.
   */
  public String username() {
    if (kind != Kind.USERNAME) {
      throw new IllegalStateException("Not a username reference: " + canonical);
    }
    return chatPart().substring(1);
  }

  /** The numeric chat id, for {@link Kind#CHAT_ID} references. */
  public long chatId() {
    if (kind != Kind.CHAT_ID) {
      throw new IllegalStateException("Not a chat id reference: " + canonical);
    }
    return Long.parseLong(chatPart());
  }

  /** The forum topic posts go to, 0 when the reference names none (a forum's General topic). */
  public int topic() {
    int slash = topicSlash();
    return slash < 0 ? 0 : Integer.parseInt(canonical.substring(slash + 1));
  }

  public boolean hasTopic() {
    return topicSlash() >= 0;
  }

  /**
   * Whether a canonical form ({@link #canonical()}, as stored) names a topic, read without parsing
   * it: for scans over many stored references.
   */
  public static boolean namesTopic(String canonical) {
    return !canonical.startsWith(INVITE_PREFIX) && canonical.indexOf('/') >= 0;
  }

  /** The chat itself, without the topic: what Telegram resolves, joins and reports on. */
  public ChatReference chat() {
    return hasTopic() ? new ChatReference(kind, chatPart()) : this;
  }

  private String chatPart() {
    int slash = topicSlash();
    return slash < 0 ? canonical : canonical.substring(0, slash);
  }

  /** Where the topic's {@code /} is in the canonical form; -1 without one (invite links: none). */
  private int topicSlash() {
    return kind == Kind.INVITE ? -1 : canonical.indexOf('/');
  }

  @Override
  public String toString() {
    return canonical;
  }
}
