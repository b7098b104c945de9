package dev.herald.telegram.botapi;

/** Bot tokens are secrets: only the bot id before the colon may appear in logs and messages. */
public final class Tokens {

  private Tokens() {}

  /** {@code 123456:ABC...} becomes {@code 123456:***}; anything else becomes {@code ***}. */
  public static String mask(String token) {
    if (token == null) {
      return "***";
    }
    int colon = token.indexOf(':');
    return colon > 0 && token.substring(0, colon).chars().allMatch(Character::isDigit)
        ? token.substring(0, colon) + ":***"
        : "***";
  }
}
