package dev.herald.api.dashboard;

import dev.herald.domain.activity.ActivityPage;
import java.util.List;

/**
 * {@code GET /bot/logs}: newest first; pass {@code next_cursor} as {@code cursor} for older ones.
 */
public record LogPageView(List<LogEntryView> entries, String nextCursor) {

  static LogPageView of(ActivityPage page) {
    return new LogPageView(
        page.entries().stream().map(LogEntryView::of).toList(), page.nextCursor());
  }
}
