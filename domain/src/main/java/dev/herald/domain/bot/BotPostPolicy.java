package dev.herald.domain.bot;

import dev.herald.domain.bot.BotConfigInput.ButtonInput;
import dev.herald.domain.bot.BotConfigInput.PostInput;
import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.VariantSyntaxException;
import dev.herald.domain.content.VariantText;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import dev.herald.domain.telegram.UrlButton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for one post: its type and format are known names; a text template parses as variants
 * and every rendering checked ({@link #CHECKED_RENDERINGS} at most) parses in its format and is 1
 * to 4096 characters once parsed (Telegram counts after parsing), a media post's caption at most
 * 1024 and may be empty; a forward source is a message link; a media post's media follow {@link
 * PostMediaRules}; buttons go under text posts only, at most the plan's {@code max_buttons} per
 * post ({@link dev.herald.domain.plan.PlanLimits#maxButtons}), each with a label and an http, https
 * or tg link.
 */
final class BotPostPolicy {

  /** What the tenant may type: formatting and variants make the source longer than the post. */
  static final int MAX_SOURCE_LENGTH = 16_384;

  /** Renderings checked at save time; templates with more are checked on their first ones. */
  static final int CHECKED_RENDERINGS = 256;

  static final int MAX_BUTTON_TEXT = 64;
  static final int MAX_URL_LENGTH = 2048;
  private static final Set<String> URL_SCHEMES = Set.of("http", "https", "tg");

  private BotPostPolicy() {}

  /** Names of the post's fields in error messages: flat ({@code post_text}) or in a list. */
  record Fields(
      String type,
      String text,
      String format,
      String forwardSource,
      String buttons,
      String mediaIds) {

    static final Fields FLAT =
        new Fields("post_type", "post_text", "format", "forward_source", "buttons", "media_ids");

    static Fields inList(int index) {
      String at = "posts[" + index + "].";
      return new Fields(
          at + "type",
          at + "text",
          at + "format",
          at + "forward_source",
          at + "buttons",
          at + "media_ids");
    }
  }

  /**
   * The post, given {@code owned}: the account's media among those the input names, and {@code
   * maxButtons}: the plan's buttons per post.
   */
  static BotPost validate(
      PostInput input,
      Fields fields,
      TextFormatter formatter,
      int maxButtons,
      Collection<MediaRef> owned,
      List<FieldError> errors) {
    PostType type = known(PostType.class, input.type(), PostType.TEXT, fields.type(), errors);
    TextFormat format =
        known(TextFormat.class, input.format(), TextFormat.PLAIN, fields.format(), errors);
    int limit =
        type.carriesMedia() ? BotConfigPolicy.MAX_CAPTION_LENGTH : BotConfigPolicy.MAX_TEXT_LENGTH;
    String text = text(input.text(), format, limit, fields.text(), formatter, errors);
    List<MediaRef> media =
        PostMediaRules.media(type, input.mediaIds(), owned, fields.mediaIds(), errors);
    MessageLink source = forwardSource(input.forwardSource(), fields.forwardSource(), errors);
    List<List<UrlButton>> buttons = buttons(input.buttons(), maxButtons, fields.buttons(), errors);
    if (!buttons.isEmpty() && type != PostType.TEXT) {
      errors.add(new FieldError(fields.buttons(), "Buttons go under text posts only."));
    }
    return new BotPost(type, text, format, source, buttons, media);
  }

  private static <E extends Enum<E>> E known(
      Class<E> type, String raw, E absent, String field, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return absent;
    }
    Optional<E> parsed = Enums.parse(type, raw);
    if (parsed.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name());
      }
      errors.add(new FieldError(field, "Must be one of " + String.join(", ", names) + "."));
    }
    return parsed.orElse(absent);
  }

  private static String text(
      String raw,
      TextFormat format,
      int limit,
      String field,
      TextFormatter formatter,
      List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.length() > MAX_SOURCE_LENGTH) {
      errors.add(
          new FieldError(field, "Post text must be at most " + MAX_SOURCE_LENGTH + " characters."));
      return raw;
    }
    VariantText variants;
    try {
      variants = VariantText.parse(raw);
    } catch (VariantSyntaxException bad) {
      errors.add(new FieldError(field, bad.getMessage()));
      return raw;
    }
    long checked = Math.min(variants.count(), CHECKED_RENDERINGS);
    for (long i = 0; i < checked; i++) {
      Optional<String> problem =
          renderingProblem(
              variants.render(i, format == TextFormat.MARKDOWN), format, limit, formatter);
      if (problem.isPresent()) {
        String which = variants.hasVariants() ? " (variant " + (i + 1) + ")" : "";
        errors.add(new FieldError(field, problem.get() + which));
        break;
      }
    }
    return raw;
  }

  private static Optional<String> renderingProblem(
      String source, TextFormat format, int limit, TextFormatter formatter) {
    FormattedText parsed;
    try {
      parsed = formatter.parse(source, format);
    } catch (TextFormatException bad) {
      return Optional.of(format.name() + ": " + bad.getMessage());
    }
    boolean caption = limit == BotConfigPolicy.MAX_CAPTION_LENGTH;
    if (parsed.text().isBlank() && !caption) {
      return Optional.of("Post text is empty once formatted.");
    }
    if (parsed.length() > limit) {
      return Optional.of(
          (caption ? "A caption is " : "Post text is ")
              + parsed.length()
              + " characters once formatted; Telegram allows "
              + limit
              + ".");
    }
    return Optional.empty();
  }

  private static MessageLink forwardSource(String raw, String field, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Optional<MessageLink> link = MessageLink.tryParse(raw);
    if (link.isEmpty()) {
      errors.add(
          new FieldError(field, "Give the message as a link: https://t.me/<chat>/<message id>."));
    }
    return link.orElse(null);
  }

  private static List<List<UrlButton>> buttons(
      List<List<ButtonInput>> rows, int maxButtons, String field, List<FieldError> errors) {
    if (rows == null) {
      return List.of();
    }
    List<List<UrlButton>> out = new ArrayList<>();
    int total = 0;
    for (int r = 0; r < rows.size(); r++) {
      List<ButtonInput> row = rows.get(r);
      if (row == null || row.isEmpty()) {
        errors.add(new FieldError(field + "[" + r + "]", "A row needs at least one button."));
        continue;
      }
      List<UrlButton> buttons = new ArrayList<>();
      for (int b = 0; b < row.size(); b++) {
        button(row.get(b), field + "[" + r + "][" + b + "]", errors).ifPresent(buttons::add);
      }
      total += row.size();
      out.add(buttons);
    }
    if (total > maxButtons) {
      errors.add(
          new FieldError(
              field,
              maxButtons == 0
                  ? "Your plan has no buttons (max_buttons 0): remove them."
                  : "Your plan allows at most "
                      + maxButtons
                      + " buttons per post (max_buttons), got "
                      + total
                      + "."));
    }
    return out;
  }

  private static Optional<UrlButton> button(
      ButtonInput input, String field, List<FieldError> errors) {
    String text = input == null || input.text() == null ? "" : input.text().strip();
    if (text.isEmpty() || text.length() > MAX_BUTTON_TEXT) {
      errors.add(
          new FieldError(
              field + ".text", "A button's text must be 1 to " + MAX_BUTTON_TEXT + " characters."));
      return Optional.empty();
    }
    String url = input.url() == null ? "" : input.url().strip();
    if (!linkable(url)) {
      errors.add(
          new FieldError(
              field + ".url",
              "A button opens an http, https or tg link, e.g. https://example.com."));
      return Optional.empty();
    }
    return Optional.of(new UrlButton(text, url));
  }

  private static boolean linkable(String url) {
    if (url.isEmpty() || url.length() > MAX_URL_LENGTH) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null
          && URL_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
          && (uri.getHost() != null || "tg".equalsIgnoreCase(scheme));
    } catch (URISyntaxException bad) {
      return false;
    }
  }
}
