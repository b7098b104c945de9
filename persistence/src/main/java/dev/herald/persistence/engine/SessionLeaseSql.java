package dev.herald.persistence.engine;

import dev.herald.domain.engine.SessionLease;

/** The statements of the session leases ({@link SessionLease}, {@link JdbcSessionLeases}). */
final class SessionLeaseSql {

  private SessionLeaseSql() {}

  /**
   * SQL twin of {@link SessionLease#heldElsewhere}: another node holds the session {@code
   * sessionColumn} names and its lease has not run out. One parameter: this node.
   */
  static String heldElsewhere(String sessionColumn) {
    return "EXISTS (SELECT 1 FROM session_lease l WHERE l.session_id = "
        + sessionColumn
        + " AND l.owner_node <> ? AND l.lease_until > now())";
  }

  /**
   * Takes the lease when there is none, when its holder's ran out, or extends this node's own, in
   * one statement: the row lock of {@code ON CONFLICT} makes two nodes' attempts take turns, and
   * the second sees the first's lease. Updates one row when this node holds the lease after it.
   * Parameters: session, node, lease seconds.
   */
  static final String ACQUIRE =
      """
      INSERT INTO session_lease (session_id, owner_node, lease_until, acquired_at)
      VALUES (?, ?, now() + make_interval(secs => ?), now())
      ON CONFLICT (session_id) DO UPDATE
         SET owner_node = EXCLUDED.owner_node,
             lease_until = EXCLUDED.lease_until,
             acquired_at = CASE WHEN session_lease.owner_node = EXCLUDED.owner_node
                                THEN session_lease.acquired_at ELSE EXCLUDED.acquired_at END
       WHERE session_lease.owner_node = EXCLUDED.owner_node OR session_lease.lease_until <= now()
      """;

  /** Parameters: session, node. */
  static final String RELEASE = "DELETE FROM session_lease WHERE session_id = ? AND owner_node = ?";

  /** Parameter: node. */
  static final String RELEASE_ALL = "DELETE FROM session_lease WHERE owner_node = ?";

  /**
   * Extends this node's leases of the given sessions, in one statement, and names them: a session
   * not named is held by another node now. Parameters: lease seconds, node, session ids.
   */
  static final String EXTEND =
      """
      UPDATE session_lease SET lease_until = now() + make_interval(secs => ?)
       WHERE owner_node = ? AND session_id = ANY(?)
      RETURNING session_id
      """;
}
