package dev.herald.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.account.AccountService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JTA datasource: a domain service's JPA write ({@code @Transactional}, REQUIRED) joins the
 * container transaction it is called in, on the transactional pool {@code jdbc/herald}, and is
 * committed or rolled back with it. Counted through the non-transactional pool {@code
 * jdbc/heraldDirect}, which sees only what was committed.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerTransactionIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HeraldDeployment.with(ContainerTransactionIT.class);
  }

  @Inject AccountService accounts;
  @Inject UserTransaction transaction;

  private DataSource transactional;
  private DataSource committed;

  @BeforeEach
  void lookUp() throws NamingException {
    transactional = InitialContext.doLookup("jdbc/herald");
    committed = InitialContext.doLookup("jdbc/heraldDirect");
  }

  @AfterEach
  void noTransactionLeftOpen() throws Exception {
    if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
      transaction.rollback();
    }
  }

  @Test
  void aServiceWriteCommitsWithTheContainerTransaction() throws Exception {
    String subject = "jta-commit-" + UUID.randomUUID();
    transaction.begin();
    accounts.resolve(subject);
    assertEquals(0, accounts(committed, subject), "nothing is visible before the commit");
    transaction.commit();
    assertEquals(1, accounts(committed, subject), "the account is there after the commit");
  }

  @Test
  void aRollbackLeavesNothing() throws Exception {
    String subject = "jta-rollback-" + UUID.randomUUID();
    transaction.begin();
    accounts.resolve(subject);
    assertEquals(
        1,
        accounts(transactional, subject),
        "JPA's write and this JDBC read share the transaction's connection");
    transaction.rollback();
    assertEquals(0, accounts(committed, subject), "the rollback left no account");
  }

  private static int accounts(DataSource dataSource, String subject) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM account WHERE subject = ?")) {
      s.setString(1, subject);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
