package dev.herald.domain.session;

import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Login steps for a session whose login another node holds. A login's TDLib client lives on the
 * node that holds the session's lease (SPEC rule 15), while an admin's next step (the code, a new
 * code, the password, a start again) reaches whichever node the load balancer picks. That node
 * leaves the step here; the holder takes it, runs it on its client and leaves the answer, which the
 * asking node reads and returns as its own. A code or password is stored encrypted and only until
 * the holder takes it.
 */
public interface LoginStepMailbox {

  /** A login's steps: a start again (the phone as secret), the code, a new code, the password. */
  enum Kind {
    START,
    CODE,
    RESEND,
    PASSWORD
  }

  /** A step asked of the node holding the session: phone, code or password; empty for RESEND. */
  record AskedStep(long id, long sessionId, Kind kind, String secret) {}

  /**
   * Leaves a step for the session's holder when another node than {@code node} holds its lease now;
   * the step's id, or empty when no other node holds it (no login of it is running anywhere else).
   */
  OptionalLong post(long sessionId, String node, Kind kind, String secret);

  /**
   * Takes the oldest step asked of {@code sessionIds} (sessions whose clients are open on {@code
   * node}) in the last {@code askedWithin}, if any: each step is taken once, its secret gone from
   * the database once taken; an older one's asker has stopped waiting for it.
   */
  List<AskedStep> take(String node, Collection<Long> sessionIds, Duration askedWithin);

  /** Leaves a taken step's answer for the node that asked. */
  void answer(long stepId, LoginProgress progress);

  /** The step's answer once given (the step is then gone), empty while it is not. */
  Optional<LoginProgress> answerOf(long stepId);

  /**
   * Forgets a step its asker stops waiting for, unless the holder took it already (it runs then,
   * and its answer is left for nobody): true when it was forgotten before being taken.
   */
  boolean forget(long stepId);
}
