package dev.herald.domain.content;

import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for TDLib's parser in domain tests: {@code *bold*} only, an unclosed star is an error
 * naming its offset; counts its calls. The real parser is tested in the telegram module.
 */
public final class StarFormatter implements TextFormatter {

  public final AtomicInteger calls = new AtomicInteger();

  @Override
  public FormattedText parse(String source, TextFormat format) {
    calls.incrementAndGet();
    if (format == TextFormat.PLAIN) {
      return FormattedText.plain(source);
    }
    StringBuilder text = new StringBuilder();
    List<TextEntity> entities = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '*') {
        int end = source.indexOf('*', i + 1);
        if (end < 0) {
          throw new TextFormatException("Can't find end of Bold entity at byte offset " + i);
        }
        entities.add(TextEntity.of("bold", text.length(), end - i - 1));
        text.append(source, i + 1, end);
        i = end + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    return new FormattedText(text.toString(), entities);
  }
}
