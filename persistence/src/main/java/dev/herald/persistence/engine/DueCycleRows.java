package dev.herald.persistence.engine;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a claimed row into a {@link DueCycle}. */
final class DueCycleRows {

  private DueCycleRows() {}

  static DueCycle read(ResultSet rs) throws SQLException {
    BotPosts content = content(rs);
    List<ChatReference> groups = new ArrayList<>();
    for (Object chat : elements(rs.getArray("target_groups"))) {
      groups.add(ChatReference.parse((String) chat));
    }
    List<Long> sessions = new ArrayList<>();
    for (Object id : elements(rs.getArray("session_ids"))) {
      sessions.add(((Number) id).longValue());
    }
    return new DueCycle(
        rs.getLong("account_id"),
        rs.getLong("cycle_id"),
        rs.getTimestamp("next_run_at").toInstant(),
        content,
        groups,
        sessions,
        Optional.ofNullable(rs.getString("user_bot_token")),
        rs.getInt("max_sessions"),
        Duration.ofSeconds(rs.getInt("delay_between_posts_s")),
        Duration.ofSeconds(rs.getInt("delay_between_cycles_s")));
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
