package dev.herald.domain.shared;

/**
 * Phone numbers are personal data: what people and logs see is the masked form only, made here and
 * nowhere else. The country code's first two digits and the last two digits stay.
 */
public final class Phones {

  private Phones() {}

  /**
   * {@code +44 7700 900123} becomes {@code +44********23}; fewer than six digits become all stars;
   * null becomes the empty string.
   */
  public static String mask(String phone) {
    if (phone == null) {
      return "";
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 6) {
      return "+" + "*".repeat(digits.length());
    }
    return "+"
        + digits.substring(0, 2)
        + "*".repeat(digits.length() - 4)
        + digits.substring(digits.length() - 2);
  }
}
