package dev.herald.telegram.tdlib;

/**
 * Phone numbers are personal data: logs show only the country code's start and the last two digits.
 */
public final class Phones {

  private Phones() {}

  /** {@code +447700900123} becomes {@code +44*********23}. */
  public static String mask(String phone) {
    if (phone == null) {
      return "";
    }
    String digits = phone.strip();
    if (digits.length() <= 5) {
      return "*".repeat(digits.length());
    }
    int keepStart = digits.startsWith("+") ? 3 : 2;
    return digits.substring(0, keepStart)
        + "*".repeat(digits.length() - keepStart - 2)
        + digits.substring(digits.length() - 2);
  }
}
