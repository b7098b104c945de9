package dev.herald.domain.telegram;

import java.util.Objects;

/** An inline keyboard button that opens a link; only bots can attach them to a message. */
public record UrlButton(String text, String url) {

  public UrlButton {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(url, "url");
  }
}
