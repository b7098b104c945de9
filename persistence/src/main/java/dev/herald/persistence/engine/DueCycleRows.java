package dev.herald.persistence.engine;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.ActiveHours;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Sender;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a claimed row into a {@link DueCycle}, its posts cut to what the plan allows now ({@link
 * BotPosts#withinPlan}).
 */
final class DueCycleRows {

  private DueCycleRows() {}

  static DueCycle read(ResultSet rs) throws SQLException {
    BotPosts content =
        content(rs).withinPlan(rs.getInt("max_posts_per_bot"), rs.getInt("max_buttons"));
    List<ChatReference> groups = new ArrayList<>();
    for (Object chat : elements(rs.getArray("target_groups"))) {
      groups.add(ChatReference.parse((String) chat));
    }
    List<Long> sessions = new ArrayList<>();
    for (Object id : elements(rs.getArray("session_ids"))) {
      sessions.add(((Number) id).longValue());
    }
    // In the order of session_ids; NULL: the session has no warm-up limit.
    Object[] left = elements(rs.getArray("session_posts_left"));
    Map<Long, Integer> postsLeft = new HashMap<>();
    for (int i = 0; i < left.length; i++) {
      if (left[i] != null) {
        postsLeft.put(sessions.get(i), ((Number) left[i]).intValue());
      }
    }
    long accountId = rs.getLong("account_id");
    // NULL for a cycle that never ran; the records' chats for one that ran before, a NULL element
    // for each record to be tried again.
    Array records = rs.getArray("attempted");
    Set<String> attempted = new HashSet<>();
    for (Object chat : elements(records)) {
      if (chat != null) {
        attempted.add((String) chat);
      }
    }
    return new DueCycle(
        accountId,
        rs.getLong("cycle_id"),
        rs.getLong("lease_number"),
        rs.getTimestamp("next_run_at").toInstant(),
        content,
        groups,
        sessions,
        Optional.ofNullable(rs.getString("user_bot_token")),
        rs.getInt("max_sessions"),
        Duration.ofSeconds(rs.getInt("delay_between_posts_s")),
        Duration.ofSeconds(rs.getInt("delay_between_cycles_s")),
        schedule(rs),
        dailyCap(rs),
        postsLeft,
        records != null,
        attempted,
        unavailableSenders(rs, accountId),
        sinceLastPost(rs));
  }

  /** Of the records to be tried again, those whose session was unavailable, by session and chat. */
  private static Set<TargetKey> unavailableSenders(ResultSet rs, long accountId)
      throws SQLException {
    Object[] chats = elements(rs.getArray("unavailable_chats"));
    Object[] kinds = elements(rs.getArray("unavailable_sender_kinds"));
    Object[] ids = elements(rs.getArray("unavailable_sender_ids"));
    Set<TargetKey> unavailable = new HashSet<>();
    for (int i = 0; i < chats.length; i++) {
      unavailable.add(
          new TargetKey(
              accountId,
              Sender.Kind.valueOf((String) kinds[i]),
              ((Number) ids[i]).longValue(),
              (String) chats[i]));
    }
    return unavailable;
  }

  /** NULL: no earlier run's sender sent anything. */
  private static Optional<Duration> sinceLastPost(ResultSet rs) throws SQLException {
    long ms = rs.getLong("since_last_post_ms");
    return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
  }

  private static Schedule schedule(ResultSet rs) throws SQLException {
    String hours = rs.getString("active_hours");
    int jitter = rs.getInt("jitter_percent");
    int interval = rs.getInt("min_group_interval_min");
    String zone = rs.getString("time_zone");
    if (hours == null && jitter == 0 && interval == 0 && "UTC".equals(zone)) {
      return Schedule.NONE;
    }
    return new Schedule(jitter, ZoneId.of(zone), ActiveHours.parse(hours), interval);
  }

  private static DailyCap dailyCap(ResultSet rs) throws SQLException {
    Date day = rs.getDate("posts_day");
    return new DailyCap(
        rs.getInt("max_posts_per_day"),
        day == null ? null : day.toLocalDate(),
        rs.getInt("posts_today"),
        rs.getInt("uncounted_posts"));
  }

  /** The stored posts, or for rows saved before posts lists the one post of the flat columns. */
  private static BotPosts content(ResultSet rs) throws SQLException {
    String json = rs.getString("content_json");
    if (json != null) {
      return BotPostsJson.read(json);
    }
    return BotPosts.of(
        "FORWARD".equals(rs.getString("post_type"))
            ? BotPost.forward(MessageLink.parse(rs.getString("forward_source")))
            : BotPost.plainText(rs.getString("post_text")));
  }

  private static Object[] elements(Array array) throws SQLException {
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }
}
