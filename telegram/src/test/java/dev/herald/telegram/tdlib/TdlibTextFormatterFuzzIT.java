package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import java.util.Optional;

/**
 * Whatever a tenant types as MarkdownV2 or HTML, the real TDLib parser behind {@link
 * TdlibTextFormatter} either gives a text whose every entity lies inside it (what the Bot API and
 * the model accept) or a {@link TextFormatException} (a 400 on save); never anything else, which
 * would be a 500. Runs on {@code TdlibTextFormatterFuzzITInputs/} in {@code mvn verify}; {@code
 * JAZZER_FUZZ=1} fuzzes.
 */
class TdlibTextFormatterFuzzIT {

  private static TdlibTextFormatter formatter;

  private static synchronized TdlibTextFormatter formatter() {
    if (formatter == null) {
      formatter = new TdlibTextFormatter(TdlibLibrary.load(Optional.of(RealTdlib.pathOrSkip()), 0));
    }
    return formatter;
  }

  @FuzzTest
  void parsingGivesEntitiesInsideTheTextOrAFormatError(FuzzedDataProvider data) {
    TextFormat format = data.consumeBoolean() ? TextFormat.MARKDOWN : TextFormat.HTML;
    String source = data.consumeRemainingAsString();
    FormattedText parsed;
    try {
      parsed = formatter().parse(source, format);
    } catch (TextFormatException refused) {
      assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
      return;
    }
    for (TextEntity entity : parsed.entities()) {
      assertTrue(entity.offset() + entity.length() <= parsed.length(), entity::toString);
      assertTrue(!"text_link".equals(entity.type()) || entity.url() != null, entity::toString);
    }
  }
}
