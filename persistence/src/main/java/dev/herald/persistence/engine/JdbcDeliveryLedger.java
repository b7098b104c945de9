package dev.herald.persistence.engine;

import dev.herald.domain.engine.DeliveryLedger;
import dev.herald.domain.engine.DeliveryLedger.FlushId;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.EngineStoreException;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.ArrayParameters;
import dev.herald.persistence.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@link DeliveryLedger} in plain JDBC on the non-transactional pool: a batch of starts is one
 * autocommit statement, a flush one transaction in one round trip. JPA would add nothing here but
 * latency.
 */
@ApplicationScoped
public class JdbcDeliveryLedger extends JdbcStore implements DeliveryLedger {

  private static final Logger LOG = Logger.getLogger(JdbcDeliveryLedger.class.getName());

  public JdbcDeliveryLedger() {}

  /** For tests and tools outside the container. */
  public JdbcDeliveryLedger(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public List<DeliveryStart> beginDeliveries(String node, List<Begin> posts) {
    if (posts.isEmpty()) {
      return List.of();
    }
    // The statement takes each (account, cycle, chat) once under a lease; a repeat in the batch is
    // answered from its first request: it may not send, whatever the first one may. A request
    // under another lease of the cycle (a run whose lease ran out, and this node's next claim) is
    // not a repeat: the statement answers it, and writes a record for the current lease's only.
    int[] firstOf = new int[posts.size()];
    List<Begin> distinct = distinctByKey(posts, firstOf);
    List<DeliveryStart> written = write(node, distinct);
    if (distinct.size() == posts.size()) {
      return written;
    }
    List<DeliveryStart> starts = new ArrayList<>(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      boolean repeat = firstOf[i] < 0;
      DeliveryStart first = written.get(repeat ? -1 - firstOf[i] : firstOf[i]);
      starts.add(repeat && first == DeliveryStart.SEND ? DeliveryStart.ALREADY_ATTEMPTED : first);
    }
    return starts;
  }

  private record Key(long account, long cycle, long lease, String chat) {}

  /**
   * The posts with each key once, in order. {@code firstOf[i]}: post i's index in that list, or
   * {@code -1 - index} of its key's first post when post i repeats it.
   */
  private static List<Begin> distinctByKey(List<Begin> posts, int[] firstOf) {
    Map<Key, Integer> seen = new HashMap<>(posts.size() * 2);
    List<Begin> distinct = new ArrayList<>(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      Begin post = posts.get(i);
      Key key =
          new Key(
              post.cycle().accountId(), post.cycle().cycleId(), post.cycle().lease(), post.chat());
      Integer first = seen.putIfAbsent(key, distinct.size());
      if (first == null) {
        firstOf[i] = distinct.size();
        distinct.add(post);
      } else {
        firstOf[i] = -1 - first;
      }
    }
    return distinct;
  }

  /** Writes posts distinct by key in one autocommit statement; answers in their order. */
  private List<DeliveryStart> write(String node, List<Begin> posts) {
    // Autocommit: the records are committed when the statement returns (rule 10).
    return jdbc.withConnection(
        "begin deliveries",
        c -> {
          try (PreparedStatement s = c.prepareStatement(LedgerSql.BEGIN_DELIVERIES)) {
            ArrayParameters p = new ArrayParameters(c, s);
            // encoded once, bound twice
            Array accounts = p.column("bigint", posts, Long[]::new, b -> b.cycle().accountId());
            p.array(accounts)
                .array(p.column("bigint", posts, Long[]::new, b -> b.cycle().cycleId()))
                .array(p.column("bigint", posts, Long[]::new, b -> b.cycle().lease()))
                .array(p.column("text", posts, String[]::new, Begin::chat))
                .array(p.column("text", posts, String[]::new, b -> b.sender().kind().name()))
                .array(p.column("bigint", posts, Long[]::new, b -> b.sender().id()))
                .array(
                    p.column(
                        "bigint", posts, Long[]::new, b -> b.cycle().plannedAt().toEpochMilli()))
                .array(accounts)
                .value(node) // lease owner
                .value(node); // recorded on the delivery record
            List<DeliveryStart> starts = new ArrayList<>(posts.size());
            List<Long> reopenedSessions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                boolean running = rs.getBoolean(1);
                boolean reopened = rs.getBoolean(2);
                boolean inserted = !rs.wasNull();
                boolean outdated = rs.getBoolean(3);
                Sender sender = posts.get(starts.size()).sender();
                if (reopened && sender.kind() == Sender.Kind.SESSION) {
                  reopenedSessions.add(sender.id());
                }
                starts.add(
                    !running
                        ? DeliveryStart.BOT_NOT_RUNNING
                        : outdated
                            ? DeliveryStart.CYCLE_OUTDATED
                            : inserted ? DeliveryStart.SEND : DeliveryStart.ALREADY_ATTEMPTED);
              }
            }
            if (!reopenedSessions.isEmpty()) {
              countForWarmup(c, reopenedSessions);
            }
            return starts;
          }
        });
  }

  /**
   * Counts reopened posts against their sessions' warm-up budgets. Rare (a chat retried after its
   * sender sent nothing), so not a step of every begin; committed apart, after the begin's records.
   * Should it fail, those posts still go out (their records are committed: failing the batch would
   * leave them SENDING, never sent), uncounted: the hour's budget is a post or two too generous,
   * and the warning says so.
   */
  private static void countForWarmup(Connection c, List<Long> sessions) {
    try (PreparedStatement count = c.prepareStatement(LedgerSql.COUNT_REOPENED_FOR_WARMUP)) {
      ArrayParameters p = new ArrayParameters(c, count);
      p.array(p.column("bigint", sessions, Long[]::new, id -> id));
      count.execute();
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Sessions {0} post {1} retried chats uncounted by their warm-up budgets: {2}",
          new Object[] {sessions, String.valueOf(sessions.size()), e.getMessage()});
    }
  }

  @Override
  public void flush(String node, FlushId id, List<Finished> finished, List<Completed> completed) {
    if (finished.isEmpty() && completed.isEmpty()) {
      return;
    }
    // One transaction, and one round trip (the driver sends the statements of FLUSH together):
    // a completed cycle never shows a post still SENDING.
    try {
      jdbc.transaction(
          "flush finished posts and completed cycles",
          c -> {
            try (PreparedStatement s = c.prepareStatement(LedgerSql.FLUSH)) {
              FlushParameters.bind(c, s, node, id, finished, completed);
              return s.execute();
            }
          });
    } catch (EngineStoreException e) {
      // Committed already (LedgerSql.BEGIN_FLUSH): the retry of a flush whose commit seemed to
      // fail.
      if (!DatabaseFailures.hasSqlState(e, LedgerSql.FLUSH_COMMITTED_ALREADY::equals)) {
        throw e;
      }
      LOG.log(Level.INFO, "Flush {0} was committed already: its retry writes nothing", id);
    }
  }
}
