package dev.herald.domain.session;

import dev.herald.domain.shared.crypto.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The API pair a session belongs to, with its hash decrypted: what a transport needs to reopen the
 * session on any node. A session logged in with one pair must be reopened with that pair, never a
 * configured default (issue 14).
 */
@ApplicationScoped
public class SessionApiPairs {

  @Inject SessionRepository sessions;
  @Inject DataCipher cipher;

  /** The session's api_id and api_hash; empty for an unknown session. */
  @Transactional
  public Optional<Credentials> of(long sessionId) {
    return sessions
        .findById(sessionId)
        .flatMap(session -> sessions.findApiPair(session.apiPairId()))
        .map(pair -> new Credentials(pair.apiId(), cipher.decrypt(pair.apiHashEncrypted())));
  }

  /** An api_id and its plain api_hash, which never appears in {@link #toString()}. */
  public record Credentials(int apiId, String apiHash) {
    @Override
    public String toString() {
      return "Credentials[apiId=" + apiId + "]";
    }
  }
}
