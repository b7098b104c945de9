package dev.herald.api.bot;

/**
 * {@code POST /bot/preview}: how many samples ({@code count}, 1 to 50, default 5), and optionally a
 * draft {@code config} to preview instead of the saved one.
 */
public record PreviewBody(Integer count, BotConfigBody config) {

  static final int DEFAULT_COUNT = 5;

  int countOrDefault() {
    return count == null ? DEFAULT_COUNT : count;
  }
}
