package dev.herald.telegram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written forms of what every send computes (username check, a rate's interval, the text
 * digest) answer exactly as the library forms they replace, which stay here as the oracle.
 */
class HotPathArithmeticTest {

  /** Telegram's username rule as a regular expression: the form the hand check replaced. */
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");

  @Test
  void theUsernameCheckAgreesWithTelegramsRuleAsARegularExpression() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "",
                "abcd",
                "abcde",
                "a".repeat(32),
                "a".repeat(33),
                "1abcde",
                "_abcde",
                "abc_de",
                "Abc9_",
                "abc-de",
                "abc de",
                "abcdé",
                "ÀBCDE",
                "abcd\n",
                "zZ09_",
                "Z____",
                "abc[de",
                "abc`de",
                "abc@de",
                "abc/de",
                "abc:de",
                "abc{de"));
    Random random = new Random(7);
    String alphabet = "aZ09_-@:/[`{ é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int length = random.nextInt(36); length > 0; length--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      names.add(name.toString());
    }
    for (String name : names) {
      assertEquals(
          USERNAME.matcher(name).matches(), ChatDirectory.validUsername(name), "'" + name + "'");
    }
    assertEquals(false, ChatDirectory.validUsername(null));
  }

  @Test
  void aRatesIntervalInNanosecondsIsTheDurationDivided() {
    List<Rate> rates = new ArrayList<>();
    for (TelegramLimits limits :
        List.of(
            TelegramLimits.telegram(),
            TelegramLimits.telegram().scaled(48),
            TelegramLimits.telegram().scaled(7.3))) {
      rates.addAll(
          List.of(
              limits.perChat(),
              limits.botPerGroup(),
              limits.perAccount(),
              limits.usernameResolutions()));
    }
    rates.add(Rate.of(3, Duration.ofNanos(10)));
    rates.add(Rate.of(1000, Duration.ofDays(400 * 365))); // the period beyond long nanoseconds
    for (Rate rate : rates) {
      assertEquals(
          rate.per().dividedBy(rate.messages()).toNanos(), rate.intervalNanos(), "" + rate);
    }
  }

  @Test
  void theTextDigestIsTheFirstEightBytesOfSha256() throws Exception {
    for (String text : List.of("", "bench", "héllo wörld", "x".repeat(4096))) {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      assertEquals(ByteBuffer.wrap(hash).getLong(), TextDigest.of(text), text);
      assertEquals(TextDigest.of(text), TextDigest.of(text), "the per-thread digest is reset");
    }
  }
}
