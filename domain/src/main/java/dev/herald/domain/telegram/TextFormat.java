package dev.herald.domain.telegram;

/**
 * How a post's text is written: as it reads ({@code PLAIN}), in Telegram's MarkdownV2 ({@code
 * MARKDOWN}) or Telegram's HTML subset ({@code HTML}). Formatted text is parsed into plain text
 * plus entities before it is sent, so every transport sends the same entities.
 */
public enum TextFormat {
  PLAIN,
  MARKDOWN,
  HTML
}
