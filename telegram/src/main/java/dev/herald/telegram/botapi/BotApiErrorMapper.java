package dev.herald.telegram.botapi;

import dev.herald.domain.telegram.SendOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a failed Bot API answer to the port's outcomes. Telegram's descriptions are the only detail
 * the Bot API gives ("Forbidden: bot was kicked from the supergroup chat"), so the mapping reads
 * them, with the status code as the fallback.
 */
public final class BotApiErrorMapper {

  /** Used when a 429 carries no {@code retry_after}: long enough not to hammer Telegram. */
  static final Duration DEFAULT_FLOOD_WAIT = Duration.ofSeconds(30);

  private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)");
  private static final List<String> FORBIDDEN =
      List.of(
          "bot was kicked",
          "not a member",
          "bot was blocked",
          "have no rights",
          "not enough rights",
          "need administrator rights",
          "chat_write_forbidden",
          "user is deactivated");
  private static final List<String> NOT_FOUND = List.of("chat not found", "peer_id_invalid");

  /** The target's forum topic: closed, deleted, or not one of the chat's. */
  private static final List<String> TOPIC_UNAVAILABLE =
      List.of("topic_closed", "topic_deleted", "topic_id_invalid", "message thread not found");

  /** The post itself is refused, whatever the chat ("Bad Request: message is too long"). */
  private static final List<String> POST_REJECTED =
      List.of(
          "message is too long",
          "message caption is too long",
          "can't parse entities",
          "message text is empty",
          "text must be non-empty",
          "message_too_long",
          "media_caption_too_long",
          "entity_bounds_invalid",
          "entities_too_long",
          "button_url_invalid",
          "reply markup is too long",
          "reply_markup_invalid",
          // A FORWARD post's source: protected, deleted, or out of the bot's sight.
          "message to forward not found",
          "message can't be forwarded",
          "message_id_invalid",
          "chat_forwards_restricted");

  private BotApiErrorMapper() {}

  public static SendOutcome map(BotApiResponse response) {
    if (!response.answered()) {
      return new SendOutcome.TransientError(response.description());
    }
    String description = response.description().toLowerCase(Locale.ROOT);
    int code = response.errorCode();
    if (response.retryAfterSeconds().isPresent()) {
      return new SendOutcome.FloodWait(Duration.ofSeconds(response.retryAfterSeconds().get()));
    }
    if (code == 429
        || description.contains("too many requests")
        || description.contains("retry after")) {
      Matcher seconds = RETRY_AFTER.matcher(description);
      return new SendOutcome.FloodWait(
          seconds.find()
              ? Duration.ofSeconds(Long.parseLong(seconds.group(1)))
              : DEFAULT_FLOOD_WAIT);
    }
    if (response.migrateToChatId().isPresent()) {
      // Followed once by the gateway; seen here when the new id was not usable either.
      return new SendOutcome.ChatNotFound(
          "The group was upgraded to a supergroup, whose id is "
              + response.migrateToChatId().get()
              + ": put that id in the bot config");
    }
    if (code == 401 || code == 404) {
      // 404 is what the Bot API answers for a token it cannot even parse.
      return new SendOutcome.Unauthorized("Bot API rejected the token: " + response.description());
    }
    if (containsAny(description, POST_REJECTED)) {
      return new SendOutcome.PostRejected("Telegram refused the post: " + response.description());
    }
    if (containsAny(description, TOPIC_UNAVAILABLE)) {
      return new SendOutcome.TopicUnavailable(response.description());
    }
    if (containsAny(description, NOT_FOUND)) {
      return new SendOutcome.ChatNotFound(response.description());
    }
    if (code == 403 || containsAny(description, FORBIDDEN)) {
      return new SendOutcome.ChatForbidden(response.description());
    }
    return new SendOutcome.TransientError("Bot API error " + code + ": " + response.description());
  }

  private static boolean containsAny(String text, List<String> needles) {
    return needles.stream().anyMatch(text::contains);
  }
}
