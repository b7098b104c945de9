package dev.herald.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.account.AccountService;
import dev.herald.domain.audit.Actor;
import dev.herald.domain.bot.BotConfigInput;
import dev.herald.domain.bot.BotLifecycleService;
import dev.herald.domain.bot.BotService;
import dev.herald.domain.bot.BotStatus;
import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.plan.PlanService;
import dev.herald.domain.session.ApiPair;
import dev.herald.domain.session.SessionPoolService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's whole path without HTTP: a bot started through the domain service wakes the engine
 * after the commit, the engine leases its cycle, posts through the sandbox transport and writes the
 * cycle's completion behind, all inside the container.
 */
@ExtendWith(ArquillianExtension.class)
class EngineCycleIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HeraldDeployment.with(EngineCycleIT.class);
  }

  @Inject AccountService accounts;
  @Inject PlanService plans;
  @Inject SessionPoolService sessionPool;
  @Inject BotService bots;
  @Inject BotLifecycleService lifecycle;

  @Test
  void aStartedBotGetsItsCycleRunByTheEngine() throws NamingException {
    String subject = "engine-cycle-" + UUID.randomUUID();
    long id = accounts.resolve(subject).id();
    Actor actor = new Actor(id, subject, "container-test");
    plans.setByAdmin(actor, id, new PlanInput("ACTIVE", Instant.now().plusSeconds(3600), null));
    // The database is fresh for each test run: this API pair and phone are the only ones.
    ApiPair pair = sessionPool.createApiPair(actor, 100_001, "0123456789abcdef0123456789abcdef", 1);
    sessionPool.addSession(actor, "+441234500001", pair.id());
    bots.updateConfig(
        id, new BotConfigInput(List.of("@herald_container"), "TEXT", "Hello", null, 10, 300));

    assertEquals(BotStatus.RUNNING, lifecycle.start(id).status());

    DataSource database = InitialContext.doLookup("jdbc/heraldDirect");
    Poll.until(
        "the engine completed the bot's first cycle (one post, one CYCLE_COMPLETED)",
        Duration.ofSeconds(30),
        () ->
            count(database, "SELECT total_success FROM bot_stats WHERE account_id = ?", id) == 1
                && count(
                        database,
                        "SELECT count(*) FROM activity_log WHERE account_id = ?"
                            + " AND event = 'CYCLE_COMPLETED'",
                        id)
                    == 1);
    lifecycle.stop(id);
  }

  private static long count(DataSource database, String sql, long accountId) {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
