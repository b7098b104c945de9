package dev.herald.persistence.engine;

import dev.herald.domain.engine.DeliveryLedger;
import dev.herald.domain.engine.DeliveryStart;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@link DeliveryLedger} in plain JDBC on the non-transactional pool: a batch of starts is one
 * autocommit statement, a flush one transaction in one round trip. JPA would add nothing here but
 * latency.
 */
@ApplicationScoped
public class JdbcDeliveryLedger extends JdbcStore implements DeliveryLedger {

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
    // The statement takes each (account, cycle, chat) once; a repeat in the batch is answered
    // from its first request: it may not send, whatever the first one may.
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
      starts.add(
          repeat && first != DeliveryStart.BOT_NOT_RUNNING
              ? DeliveryStart.ALREADY_ATTEMPTED
              : first);
    }
    return starts;
  }

  private record Key(long account, long cycle, String chat) {}

  /**
   * The posts with each key once, in order. {@code firstOf[i]}: post i's index in that list, or
   * {@code -1 - index} of its key's first post when post i repeats it.
   */
  private static List<Begin> distinctByKey(List<Begin> posts, int[] firstOf) {
    Map<Key, Integer> seen = new HashMap<>(posts.size() * 2);
    List<Begin> distinct = new ArrayList<>(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      Begin post = posts.get(i);
      Key key = new Key(post.cycle().accountId(), post.cycle().cycleId(), post.chat());
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
    int n = posts.size();
    Long[] accounts = new Long[n];
    Long[] cycles = new Long[n];
    String[] chats = new String[n];
    String[] senderKinds = new String[n];
    Long[] senderIds = new Long[n];
    Long[] plannedMs = new Long[n];
    for (int i = 0; i < n; i++) {
      Begin post = posts.get(i);
      accounts[i] = post.cycle().accountId();
      cycles[i] = post.cycle().cycleId();
      chats[i] = post.chat();
      senderKinds[i] = post.sender().kind().name();
      senderIds[i] = post.sender().id();
      plannedMs[i] = post.cycle().plannedAt().toEpochMilli();
    }
    // Autocommit: the records are committed when the statement returns (rule 10).
    return jdbc.withConnection(
        "begin deliveries",
        c -> {
          try (PreparedStatement s = c.prepareStatement(LedgerSql.BEGIN_DELIVERIES)) {
            Array accountIds = c.createArrayOf("bigint", accounts); // encoded once, bound twice
            s.setArray(1, accountIds);
            s.setArray(2, c.createArrayOf("bigint", cycles));
            s.setArray(3, c.createArrayOf("text", chats));
            s.setArray(4, c.createArrayOf("text", senderKinds));
            s.setArray(5, c.createArrayOf("bigint", senderIds));
            s.setArray(6, c.createArrayOf("bigint", plannedMs));
            s.setArray(7, accountIds);
            s.setString(8, node); // lease owner
            s.setString(9, node); // recorded on the delivery record
            List<DeliveryStart> starts = new ArrayList<>(n);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                boolean running = rs.getBoolean(1);
                boolean inserted = rs.getBoolean(2);
                starts.add(
                    !running
                        ? DeliveryStart.BOT_NOT_RUNNING
                        : inserted ? DeliveryStart.SEND : DeliveryStart.ALREADY_ATTEMPTED);
              }
            }
            return starts;
          }
        });
  }

  @Override
  public void flush(String node, List<Finished> finished, List<Completed> completed) {
    if (finished.isEmpty() && completed.isEmpty()) {
      return;
    }
    // One transaction, and one round trip (the driver sends the statements of FLUSH together):
    // a completed cycle never shows a post still SENDING.
    jdbc.transaction(
        "flush finished posts and completed cycles",
        c -> {
          try (PreparedStatement s = c.prepareStatement(LedgerSql.FLUSH)) {
            FlushParameters.bind(c, s, node, finished, completed);
            return s.execute();
          }
        });
  }
}
