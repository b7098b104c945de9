package dev.herald.domain.telegram;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target chat as a tenant may write it ({@code @name}, {@code name}, {@code https://t.me/name},
 * {@code https://t.me/+invite}, {@code https://t.me/c/123/…}, {@code -1001234567890}), normalised
 * to one canonical form so that two spellings of one chat compare equal.
 *
 * <p>Canonical forms: {@code @username} in lower case (Telegram usernames ignore case), the numeric
 * chat id as a decimal string, or {@code https://t.me/+hash} for invite links (hashes keep case).
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
  private static final Pattern PRIVATE_CHANNEL = Pattern.compile("c/([1-9][0-9]{0,15})(?:/.*)?");

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
    if (CHAT_ID.matcher(value).matches()) {
      return parseChatId(value);
    }
    if (value.startsWith("@")) {
      return username(value.substring(1));
    }
    Matcher link = LINK.matcher(value);
    if (link.matches()) {
      return fromLinkPath(stripQuery(link.group(1)));
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
      return parseChatId(CHANNEL_ID_PREFIX + privateChannel.group(1));
    }
    int slash = path.indexOf('/');
    return username(slash < 0 ? path : path.substring(0, slash));
  }

  private static Optional<ChatReference> invite(String hash) {
    String trimmed = hash.endsWith("/") ? hash.substring(0, hash.length() - 1) : hash;
    if (!INVITE_HASH.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChatReference(Kind.INVITE, "https://t.me/+" + trimmed));
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

  /** The username without {@code @}, for {@link Kind#USERNAME} references. */
  public String username() {
    if (kind != Kind.USERNAME) {
      throw new IllegalStateException("Not a username reference: " + canonical);
    }
    return canonical.substring(1);
  }

  /** The numeric chat id, for {@link Kind#CHAT_ID} references. */
  public long chatId() {
    if (kind != Kind.CHAT_ID) {
      throw new IllegalStateException("Not a chat id reference: " + canonical);
    }
    return Long.parseLong(canonical);
  }

  @Override
  public String toString() {
    return canonical;
  }
}
