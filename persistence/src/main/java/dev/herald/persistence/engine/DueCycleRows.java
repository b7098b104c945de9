package dev.herald.persistence.engine;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
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

  /**
   * The bot's post; a text post reads no media column ({@code post_media} is null for it), so media
   * cost text posts nothing here.
   */
  static Post post(ResultSet rs) throws SQLException {
    PostType type = PostType.valueOf(rs.getString("post_type"));
    if (type == PostType.FORWARD) {
      return Post.forward(MessageLink.parse(rs.getString("forward_source")));
    }
    if (type.carriesMedia()) {
      return Post.media(
          type, rs.getString("post_text"), MediaRef.parse(rs.getString("post_media")));
    }
    return Post.text(rs.getString("post_text"));
  }

  static DueCycle read(ResultSet rs) throws SQLException {
    Post post = post(rs);
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
        post,
        groups,
        sessions,
        Optional.ofNullable(rs.getString("user_bot_token")),
        rs.getInt("max_sessions"),
        Duration.ofSeconds(rs.getInt("delay_between_posts_s")),
        Duration.ofSeconds(rs.getInt("delay_between_cycles_s")));
  }

  private static Object[] elements(Array array) throws SQLException {
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }
}
