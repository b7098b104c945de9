package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Formatted text parsed by TDLib's own {@code parseTextEntities} through {@code td_execute}: the
 * same parser Telegram's apps use, offline and synchronous, so what the API accepts is exactly what
 * will be sent. It needs only the library (no session, no database key): the library is loaded for
 * parsing whichever transport sessions use, the sandbox included. Without it formatted text is
 * refused with the reason and plain text still works.
 */
@ApplicationScoped
public class TdlibTextFormatter implements TextFormatter {

  @Inject TdlibTransport transport;

  private Supplier<Optional<TdlibLibrary>> library;

  public TdlibTextFormatter() {}

  /** Outside CDI (tests): parse with this library. */
  public TdlibTextFormatter(TdlibLibrary library) {
    this.library = () -> Optional.of(library);
  }

  @Override
  public FormattedText parse(String source, TextFormat format) {
    if (format == TextFormat.PLAIN) {
      return FormattedText.plain(source);
    }
    TdlibLibrary loaded =
        library()
            .get()
            .filter(l -> l.status().available())
            .orElseThrow(
                () ->
                    new TextFormatException(
                        "Formatted text cannot be checked on this server (TDLib library"
                            + " unavailable); use PLAIN."));
    JsonObject mode =
        format == TextFormat.HTML
            ? TdlibJson.object("textParseModeHTML").build()
            : TdlibJson.object("textParseModeMarkdown").add("version", 2).build();
    JsonObject answer =
        loaded.execute(
            TdlibJson.object("parseTextEntities")
                .add("text", source)
                .add("parse_mode", mode)
                .build());
    if ("error".equals(TdlibJson.type(answer))) {
      throw new TextFormatException(answer.getString("message", "Can't parse entities"));
    }
    return TdlibEntities.fromTdlib(answer);
  }

  private synchronized Supplier<Optional<TdlibLibrary>> library() {
    if (library == null) {
      library = () -> Optional.of(transport.loadedLibrary());
    }
    return library;
  }
}
