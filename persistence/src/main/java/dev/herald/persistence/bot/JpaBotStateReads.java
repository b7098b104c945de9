package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotStateCache;
import dev.herald.domain.bot.BotStateReads;
import dev.herald.domain.bot.BotStateRows;
import dev.herald.domain.bot.BotStatus;
import dev.herald.domain.bot.StopReason;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.userbot.UserBotStatus;
import dev.herald.persistence.JpaStore;
import dev.herald.persistence.session.SessionSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The bot state's rows in one statement ({@link #STATE}). Inside a transaction (a start or stop
 * answering with the new state) it runs on the unit's connection after a flush, so it sees that
 * transaction's changes; a poll (no transaction) runs it on the non-transactional pool, unless the
 * node's {@link BotStateCache} has the rows. It replaced five JPA reads per poll (the account, the
 * bot, its target groups, the user bot, the sessions).
 */
@ApplicationScoped
public class JpaBotStateReads extends JpaStore implements BotStateReads {

  /** Made once: {@code Json.createReader} looks the JSON-P provider up on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  @Resource(lookup = "jdbc/heraldDirect")
  DataSource direct;

  @Inject BotStateCache cache;

  /**
   * Parameter: the account. No row when there is no such account, else one row per session in use
   * (one row with null session columns when there is none); the bot and user bot columns are null
   * when the account has no such row yet. The target groups come as one JSON array, in their order.
   * The columns are read in this order ({@link Columns}). The sessions are put in id order by
   * {@link #rowsOf}, not by an {@code ORDER BY}: the sort node was a fifth of the statement's
   * PostgreSQL CPU per poll (about 20 of 95 us, a JDBC loop over the prepared statement), for rows
   * that are almost always one.
   */
  static final String STATE =
      """
      SELECT a.max_sessions, a.max_groups, a.min_delay_between_posts_s,
             a.min_delay_between_cycles_s, a.max_posts_per_day, a.max_media_bytes,
             a.max_media_count, a.max_posts_per_bot, a.max_buttons,
             b.status, b.stop_reason, b.last_error_reason, b.next_run_at,
             (SELECT json_agg(g.chat_ref ORDER BY g.position) FROM bot_target_group g
               WHERE g.account_id = a.id)::text AS target_groups,
             b.post_type, b.post_text, b.forward_source, b.content_json,
             b.delay_between_posts_s, b.delay_between_cycles_s,
             b.jitter_percent, b.time_zone, b.active_hours, b.min_group_interval_min,
             b.posts_day, b.posts_today,
             u.account_id IS NOT NULL AS has_user_bot, u.username, u.token_masked, u.verified,
             u.status AS user_bot_status, u.verified_transport,
             s.id AS session_id, s.phone_masked, s.state, s.state_reason, s.flood_wait_until
        FROM account a
        LEFT JOIN bot b ON b.account_id = a.id
        LEFT JOIN user_bot u ON u.account_id = a.id
        LEFT JOIN telegram_session s ON s.assigned_account_id = a.id AND %s
       WHERE a.id = ?
      """
          .formatted(SessionSql.inUse("s"));

  /** Where the bot, user bot and session columns start in a row of {@link #STATE}. */
  private static final int BOT_COLUMNS = 9;

  private static final int USER_BOT_COLUMNS = 26;
  private static final int SESSION_COLUMNS = 32;

  @Override
  public Optional<BotStateRows> read(long accountId) {
    if (em.isJoinedToTransaction()) {
      em.flush();
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery(STATE).setParameter(1, accountId).getResultList();
      return rowsOf(rows);
    }
    return cache.read(accountId, () -> rowsOf(polled(accountId)));
  }

  /**
   * A poll's rows, on the non-transactional pool in autocommit: no JPA context, no JTA enlistment
   * (with the five JPA reads gone those were the poll's largest cost after the token check).
   */
  private List<Object[]> polled(long accountId) {
    try (Connection c = direct.getConnection()) {
      return query(c, accountId);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the bot state of account " + accountId, e);
    }
  }

  /** {@link #STATE} on a connection, each column as the driver hands it over. */
  static List<Object[]> query(Connection c, long accountId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(STATE)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** The rows of {@link #STATE}, each column as the driver hands it over, read by position. */
  static Optional<BotStateRows> rowsOf(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<BotStateRows.SessionRow> sessions = new ArrayList<>();
    for (Object[] row : rows) {
      Columns columns = new Columns(row, SESSION_COLUMNS);
      Object id = columns.next();
      if (id != null) {
        sessions.add(
            new BotStateRows.SessionRow(
                ((Number) id).longValue(),
                columns.string(),
                SessionState.valueOf(columns.string()),
                columns.string(),
                columns.instant()));
      }
    }
    sessions.sort(Comparator.comparingLong(BotStateRows.SessionRow::id));
    Object[] first = rows.get(0);
    return Optional.of(
        new BotStateRows(
            limits(new Columns(first, 0)),
            bot(new Columns(first, BOT_COLUMNS)),
            userBot(new Columns(first, USER_BOT_COLUMNS)),
            sessions));
  }

  private static PlanLimits limits(Columns row) {
    return new PlanLimits(
        row.integer(),
        row.integer(),
        row.integer(),
        row.integer(),
        row.integer(),
        row.longInteger(),
        row.integer(),
        row.integer(),
        row.integer());
  }

  private static Optional<BotStateRows.BotRow> bot(Columns row) {
    String status = row.string();
    if (status == null) {
      return Optional.empty();
    }
    StopReason stopReason = row.enumOf(StopReason.class);
    String lastErrorReason = row.string();
    Instant nextRunAt = row.instant();
    List<String> groups = chats(row.string());
    return Optional.of(
        new BotStateRows.BotRow(
            BotStatus.valueOf(status),
            stopReason,
            lastErrorReason,
            nextRunAt,
            Bot.configOf(
                groups,
                PostType.valueOf(row.string()),
                row.string(),
                row.string(),
                row.string(),
                row.integer(),
                row.integer(),
                Bot.scheduleOf(row.integer(), row.string(), row.string(), row.integer())),
            row.date(),
            row.integer()));
  }

  private static Optional<BotStateRows.UserBotRow> userBot(Columns row) {
    if (!Boolean.TRUE.equals(row.next())) {
      return Optional.empty();
    }
    return Optional.of(
        new BotStateRows.UserBotRow(
            row.string(),
            row.string(),
            Boolean.TRUE.equals(row.next()),
            UserBotStatus.valueOf(row.string()),
            row.string()));
  }

  private static List<String> chats(String json) {
    if (json == null) {
      return List.of();
    }
    try (var reader = READERS.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  /** A row's columns read in order, each converted from what the driver hands over. */
  private static final class Columns {

    private final Object[] row;
    private int next;

    Columns(Object[] row, int from) {
      this.row = row;
      this.next = from;
    }

    Object next() {
      return row[next++];
    }

    String string() {
      return (String) next();
    }

    int integer() {
      return ((Number) next()).intValue();
    }

    long longInteger() {
      return ((Number) next()).longValue();
    }

    <E extends Enum<E>> E enumOf(Class<E> type) {
      String name = string();
      return name == null ? null : Enum.valueOf(type, name);
    }

    /** A {@code timestamptz}. */
    Instant instant() {
      Object value = next();
      if (value instanceof Timestamp timestamp) {
        return timestamp.toInstant();
      }
      if (value instanceof OffsetDateTime time) {
        return time.toInstant();
      }
      return (Instant) value;
    }

    /** A {@code date}. */
    LocalDate date() {
      Object value = next();
      return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
  }
}
