package dev.herald.domain.telegram;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to one existing message, {@code https://t.me/<chat>/<id>} or, for private channels, {@code
 * https://t.me/c/<internal id>/<id>}: the source of a FORWARD post. A message in a forum topic is
 * linked with the topic between ({@code https://t.me/<chat>/<topic>/<id>}); a message id is unique
 * in its chat, so the topic is not kept.
 */
public record MessageLink(ChatReference chat, long messageId) {

  private static final Pattern PUBLIC =
      Pattern.compile(
          "(?i)^(?:https?://)?(?:www\\.)?(?:t|telegram)\\.me/([A-Za-z][A-Za-z0-9_]{3,31})/(?:[1-9][0-9]{0,9}/)?([1-9][0-9]{0,9})/?$");
  private static final Pattern PRIVATE =
      Pattern.compile(
          "(?i)^(?:https?://)?(?:www\\.)?(?:t|telegram)\\.me/c/([1-9][0-9]{0,15})/(?:[1-9][0-9]{0,9}/)?([1-9][0-9]{0,9})/?$");

  public MessageLink {
    Objects.requireNonNull(chat, "chat");
    if (messageId <= 0) {
      throw new IllegalArgumentException("messageId must be positive");
    }
  }

  public static MessageLink parse(String raw) {
    return tryParse(raw)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Not a Telegram message link: use https://t.me/<chat>/<message id>."));
  }

  public static Optional<MessageLink> tryParse(String raw) {
    if (raw == null || raw.length() > 256) {
      return Optional.empty();
    }
    String value = ChatReference.stripQuery(raw.strip());
    Matcher m = PUBLIC.matcher(value);
    if (m.matches()) {
      return Optional.of(
          new MessageLink(ChatReference.parse("@" + m.group(1)), Long.parseLong(m.group(2))));
    }
    m = PRIVATE.matcher(value);
    if (m.matches()) {
      return Optional.of(
          new MessageLink(ChatReference.parse("-100" + m.group(1)), Long.parseLong(m.group(2))));
    }
    return Optional.empty();
  }

  /** The canonical link text, as stored. */
  public String toLink() {
    return switch (chat.kind()) {
      case USERNAME -> "https://t.me/" + chat.username() + "/" + messageId;
      case CHAT_ID -> "https://t.me/c/" + chat.canonical().substring(4) + "/" + messageId;
      case INVITE -> throw new IllegalStateException("Invite links do not address messages");
    };
  }

  @Override
  public String toString() {
    return toLink();
  }
}
