package dev.herald.domain.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever a tenant types, parsing variants either succeeds or throws {@link
 * VariantSyntaxException} (never anything else), and a parsed template renders every index without
 * failing, to a text no longer than the template, the same for the same index. Runs on {@code
 * VariantTextFuzzTestInputs/} during {@code mvn verify}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class VariantTextFuzzTest {

  @FuzzTest
  void parsingIsTotalAndRenderingsAreBounded(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    VariantText text;
    try {
      text = VariantText.parse(raw);
    } catch (VariantSyntaxException refused) {
      return;
    }
    assertTrue(text.count() >= 1);
    for (long i : new long[] {0, 1, 7, text.count() - 1, Long.MAX_VALUE}) {
      String plain = text.render(i, false);
      String kept = text.render(i, true);
      assertTrue(plain.length() <= raw.length());
      assertTrue(kept.length() <= raw.length());
      assertEquals(plain, text.render(i, false));
    }
  }
}
