package dev.herald.persistence.engine;

import dev.herald.domain.session.LoginStepMailbox;
import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import dev.herald.domain.shared.crypto.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * {@link LoginStepMailbox} in plain JDBC on the non-transactional pool, one statement per call; a
 * code or password is sealed with the application's {@link DataCipher}.
 */
@ApplicationScoped
public class JdbcLoginStepMailbox extends JdbcStore implements LoginStepMailbox {

  @Inject DataCipher cipher;

  public JdbcLoginStepMailbox() {}

  /** For tests and tools outside the container. */
  public JdbcLoginStepMailbox(DataSource dataSource, DataCipher cipher) {
    super(dataSource);
    this.cipher = cipher;
  }

  @Override
  public OptionalLong post(long sessionId, String node, Kind kind, String secret) {
    String sealed = secret == null || secret.isEmpty() ? null : cipher.encrypt(secret);
    Optional<Long> id =
        jdbc.withConnection(
            "leave a login step of session " + sessionId,
            c ->
                Jdbc.queryLong(
                    c, LoginStepSql.POST, sessionId, kind.name(), sealed, node, sessionId, node));
    return id.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }

  @Override
  public List<AskedStep> take(String node, Collection<Long> sessionIds, Duration askedWithin) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.withConnection(
        "take the login steps asked of this node",
        c -> {
          try (PreparedStatement s = c.prepareStatement(LoginStepSql.TAKE)) {
            s.setArray(1, c.createArrayOf("bigint", sessionIds.toArray()));
            s.setDouble(2, askedWithin.toMillis() / 1000.0);
            s.setString(3, node);
            List<AskedStep> asked = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                String sealed = rs.getString(4);
                asked.add(
                    new AskedStep(
                        rs.getLong(1),
                        rs.getLong(2),
                        Kind.valueOf(rs.getString(3)),
                        sealed == null ? "" : cipher.decrypt(sealed)));
              }
            }
            return asked;
          }
        });
  }

  @Override
  public void answer(long stepId, LoginProgress progress) {
    jdbc.update(
        "answer login step " + stepId,
        LoginStepSql.ANSWER,
        progress.step().name(),
        progress.detail(),
        stepId);
  }

  @Override
  public Optional<LoginProgress> answerOf(long stepId) {
    return jdbc.withConnection(
        "read the answer of login step " + stepId,
        c -> {
          try (PreparedStatement s = c.prepareStatement(LoginStepSql.ANSWER_OF)) {
            s.setLong(1, stepId);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new LoginProgress(
                          LoginProgress.Step.valueOf(rs.getString(1)), rs.getString(2)))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public boolean forget(long stepId) {
    return jdbc.update("forget login step " + stepId, LoginStepSql.FORGET, stepId) == 1;
  }
}
