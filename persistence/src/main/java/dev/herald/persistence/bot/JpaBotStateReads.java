package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotStateReads;
import dev.herald.domain.bot.BotStateRows;
import dev.herald.domain.bot.BotStatus;
import dev.herald.domain.bot.StopReason;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.userbot.UserBotStatus;
import dev.herald.persistence.JpaStore;
import dev.herald.persistence.session.SessionSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bot state's rows in one statement ({@link #STATE}) on the unit's connection, so that inside a
 * transaction (a start or stop answering with the new state) it sees that transaction's changes. It
 * replaced four JPA reads per poll (the bot, its target groups, the user bot, the sessions).
 */
@ApplicationScoped
public class JpaBotStateReads extends JpaStore implements BotStateReads {

  /**
   * Parameter: the account. One row per session in use (one row with null session columns when
   * there is none); the bot and user bot columns are null when the account has no such row yet. The
   * target groups come as one JSON array, in their order.
   */
  static final String STATE =
      """
      SELECT b.status, b.stop_reason, b.last_error_reason, b.next_run_at,
             b.post_type, b.post_text, b.forward_source, b.content_json,
             b.delay_between_posts_s, b.delay_between_cycles_s,
             (SELECT json_agg(g.chat_ref ORDER BY g.position) FROM bot_target_group g
               WHERE g.account_id = a.id)::text AS target_groups,
             u.account_id IS NOT NULL AS has_user_bot, u.username, u.token_masked, u.verified,
             u.status AS user_bot_status, u.verified_transport,
             s.id AS session_id, s.phone_masked, s.state, s.state_reason, s.flood_wait_until
        FROM (SELECT CAST(? AS bigint) AS id) a
        LEFT JOIN bot b ON b.account_id = a.id
        LEFT JOIN user_bot u ON u.account_id = a.id
        LEFT JOIN telegram_session s ON s.assigned_account_id = a.id AND %s
       ORDER BY s.id
      """
          .formatted(SessionSql.inUse("s"));

  @Override
  public BotStateRows read(long accountId) {
    if (em.isJoinedToTransaction()) {
      em.flush();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(STATE).setParameter(1, accountId).getResultList();
    Object[] first = rows.get(0);
    List<BotStateRows.SessionRow> sessions = new ArrayList<>();
    for (Object[] row : rows) {
      if (row[17] != null) {
        sessions.add(
            new BotStateRows.SessionRow(
                ((Number) row[17]).longValue(),
                (String) row[18],
                SessionState.valueOf((String) row[19]),
                (String) row[20],
                instant(row[21])));
      }
    }
    return new BotStateRows(bot(first), userBot(first), sessions);
  }

  private static Optional<BotStateRows.BotRow> bot(Object[] row) {
    if (row[0] == null) {
      return Optional.empty();
    }
    return Optional.of(
        new BotStateRows.BotRow(
            BotStatus.valueOf((String) row[0]),
            row[1] == null ? null : StopReason.valueOf((String) row[1]),
            (String) row[2],
            instant(row[3]),
            Bot.configOf(
                chats((String) row[10]),
                PostType.valueOf((String) row[4]),
                (String) row[5],
                (String) row[6],
                (String) row[7],
                ((Number) row[8]).intValue(),
                ((Number) row[9]).intValue())));
  }

  private static Optional<BotStateRows.UserBotRow> userBot(Object[] row) {
    if (!Boolean.TRUE.equals(row[11])) {
      return Optional.empty();
    }
    return Optional.of(
        new BotStateRows.UserBotRow(
            (String) row[12],
            (String) row[13],
            Boolean.TRUE.equals(row[14]),
            UserBotStatus.valueOf((String) row[15]),
            (String) row[16]));
  }

  private static List<String> chats(String json) {
    if (json == null) {
      return List.of();
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  /** A {@code timestamptz} as the driver hands it over. */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return (Instant) value;
  }
}
