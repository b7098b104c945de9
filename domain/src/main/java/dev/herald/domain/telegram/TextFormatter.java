package dev.herald.domain.telegram;

/**
 * Parses MarkdownV2 or HTML into plain text and entities exactly as Telegram will (the TDLib
 * transport runs TDLib's own {@code parseTextEntities}). The API checks a configuration with it
 * when it is saved; the engine renders each cycle's posts with it.
 */
public interface TextFormatter {

  /**
   * The formatted text; {@link TextFormat#PLAIN} is returned as it is, without entities.
   *
   * @throws TextFormatException when the text does not parse (the message names the position) or
   *     formatted text cannot be parsed on this server
   */
  FormattedText parse(String source, TextFormat format);

  /** A formatter for plain text only, where no parser is installed. */
  static TextFormatter plainOnly() {
    return (source, format) -> {
      if (format != TextFormat.PLAIN) {
        throw new TextFormatException(
            "Formatted text cannot be checked on this server (no TDLib library); use PLAIN.");
      }
      return FormattedText.plain(source);
    };
  }
}
