package dev.herald.domain.shared;

/**
 * Bot API tokens ({@code <bot id>:<secret>}) are secrets: what people and logs see is the masked
 * form only, made here and nowhere else. The bot id is public anyway; the secret never shows.
 */
public final class Tokens {

  private Tokens() {}

  /**
   * {@code 123456:ABC...} becomes {@code 123456:***}; anything else (null included) {@code ***}.
   */
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
