package dev.herald.domain.activity;

import dev.herald.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** A tenant's counters and activity log, paged by an opaque cursor. */
@ApplicationScoped
@Transactional
public class DashboardService {

  @Inject ActivityRepository activity;

  public BotStats stats(long accountId) {
    return activity.stats(accountId).orElseGet(() -> BotStats.none(accountId));
  }

  public ActivityPage logs(long accountId, String cursor, int limit) {
    if (limit < 1 || limit > 200) {
      throw InvalidInputException.of("limit", "limit must be between 1 and 200.");
    }
    Long before = parseCursor(cursor);
    List<ActivityEntry> entries = activity.page(accountId, before, limit + 1);
    boolean more = entries.size() > limit;
    List<ActivityEntry> page = more ? entries.subList(0, limit) : entries;
    String next = more ? Long.toString(page.get(page.size() - 1).id()) : null;
    return new ActivityPage(List.copyOf(page), next);
  }

  private static Long parseCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(cursor);
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("cursor", "Use the next_cursor of the previous page.");
    }
  }
}
