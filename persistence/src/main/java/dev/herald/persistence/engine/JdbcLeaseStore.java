package dev.herald.persistence.engine;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.LeaseStore;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@link LeaseStore} in plain JDBC on the non-transactional pool. */
@ApplicationScoped
public class JdbcLeaseStore extends JdbcStore implements LeaseStore {

  /** Tells which transport user bots post through: a claim takes only bots verified on it. */
  @Inject TelegramGateway gateway;

  private String fixedUserBotTransport;

  public JdbcLeaseStore() {}

  /** For tests and tools outside the container: user bots post through the sandbox. */
  public JdbcLeaseStore(DataSource dataSource) {
    this(dataSource, "sandbox");
  }

  /** For tests and tools outside the container, user bots posting through {@code transport}. */
  public JdbcLeaseStore(DataSource dataSource, String userBotTransport) {
    super(dataSource);
    this.fixedUserBotTransport = userBotTransport;
  }

  private String userBotTransport() {
    return fixedUserBotTransport != null
        ? fixedUserBotTransport
        : gateway.transport(Sender.Kind.USER_BOT);
  }

  @Override
  public List<DueCycle> claimDue(String node, Duration lookahead, Duration lease, int limit) {
    return jdbc.withConnection(
        "claim due cycles",
        c -> {
          try (PreparedStatement s = c.prepareStatement(LeaseSql.CLAIM_DUE)) {
            s.setDouble(1, seconds(lookahead));
            s.setString(2, node);
            s.setInt(3, limit);
            s.setString(4, node);
            s.setDouble(5, seconds(lease));
            s.setString(6, userBotTransport());
            s.setString(7, node);
            List<DueCycle> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                claimed.add(DueCycleRows.read(rs));
              }
            }
            return claimed;
          }
        });
  }

  @Override
  public void heartbeat(String node, Duration lease, List<Long> heldAccounts) {
    jdbc.transaction(
        "heartbeat",
        c ->
            Jdbc.execute(c, LeaseSql.HEARTBEAT, node)
                + Jdbc.execute(
                    c,
                    LeaseSql.EXTEND_LEASES,
                    seconds(lease),
                    c.createArrayOf("bigint", heldAccounts.toArray()),
                    node,
                    seconds(lease) / 2));
  }

  @Override
  public boolean otherNodesAlive(String node, Duration window) {
    return jdbc.countRows("look for live nodes", LeaseSql.OTHER_NODES_ALIVE, node, seconds(window))
        > 0;
  }

  @Override
  public int stopAllAfterRestart() {
    return jdbc.countRows("stop bots after restart", LeaseSql.STOP_ALL_AFTER_RESTART);
  }

  @Override
  public void leave(String node) {
    jdbc.update("release this node's leases", LeaseSql.LEAVE_RELEASE_LEASES, node);
    jdbc.update("leave", LeaseSql.LEAVE, node);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
