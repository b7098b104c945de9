package dev.herald.domain.audit;

import java.util.Objects;

/**
 * Who is acting in a request, as the services need it for authorisation and the audit trail: the
 * account (from the verified token), its subject, and the request id of the HTTP exchange.
 */
public record Actor(long accountId, String subject, String requestId) {

  public Actor {
    Objects.requireNonNull(subject, "subject");
  }
}
