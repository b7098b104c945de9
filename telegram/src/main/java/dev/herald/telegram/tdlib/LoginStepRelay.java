package dev.herald.telegram.tdlib;

import dev.herald.domain.session.LoginStepMailbox;
import dev.herald.domain.session.LoginStepMailbox.AskedStep;
import dev.herald.domain.session.LoginStepMailbox.Kind;
import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A login's steps on whichever node they reach. The login's TDLib client is open on the node that
 * started it and holds the session's lease (SPEC rule 15); an admin's code, request for a new code,
 * password or start again reaches any node behind the load balancer. A node without the client
 * leaves the step in the {@link LoginStepMailbox} and waits for the answer; each node whose clients
 * wait for a login step takes the steps asked of them every {@link #ROUND}, runs them and leaves
 * the answers. A node with no login in progress asks the database nothing.
 */
public final class LoginStepRelay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoginStepRelay.class.getName());

  /** How often a node with logins in progress looks for steps asked of them elsewhere. */
  static final Duration ROUND = Duration.ofMillis(250);

  /** How often the asking node looks for the answer. */
  private static final Duration ANSWER_POLL = Duration.ofMillis(100);

  /**
   * How long a step may wait to be taken: the holder looks every {@link #ROUND}, so a step still
   * there after this is not for a login waiting on that node (or the node is busy with another).
   */
  static final Duration TAKEN_WITHIN = Duration.ofSeconds(5);

  /** Steps older than this are not taken: their askers stopped waiting (or could not forget). */
  private static final Duration ASKED_WITHIN = TAKEN_WITHIN.multipliedBy(2);

  private final TdlibSessions sessions;
  private final LoginStepMailbox mailbox;
  private final String node;
  private final Duration answerWithin;
  private final ScheduledExecutorService rounds; // null when alone
  private boolean lastRoundFailed;

  private LoginStepRelay(
      TdlibSessions sessions,
      LoginStepMailbox mailbox,
      String node,
      Duration answerWithin,
      ScheduledExecutorService rounds) {
    this.sessions = sessions;
    this.mailbox = mailbox;
    this.node = node;
    this.answerWithin = answerWithin;
    this.rounds = rounds;
  }

  /**
   * Steps relayed through {@code mailbox} as {@code node}. The holder's step waits at most {@code
   * stepTimeout} per request to Telegram (a new code makes two), and the asker waits that long.
   */
  public static LoginStepRelay across(
      TdlibSessions sessions,
      LoginStepMailbox mailbox,
      String node,
      Duration stepTimeout,
      ThreadFactory threads) {
    ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(threads);
    LoginStepRelay relay =
        new LoginStepRelay(
            sessions, mailbox, node, stepTimeout.multipliedBy(2).plusSeconds(5), rounds);
    rounds.scheduleWithFixedDelay(
        relay::answerRound, ROUND.toMillis(), ROUND.toMillis(), TimeUnit.MILLISECONDS);
    return relay;
  }

  /** No mailbox (tests, tools): this process is the only node, every step runs here. */
  public static LoginStepRelay alone(TdlibSessions sessions) {
    return new LoginStepRelay(sessions, null, "", Duration.ZERO, null);
  }

  /**
   * A login's start: run here unless another node holds the session (its login is running there,
   * and TDLib's state of it is there): then that node starts it again, with the session's own API
   * pair.
   */
  public LoginStep start(long sessionId, String phone, ApiPair api) {
    return relayed(sessionId, Kind.START, phone)
        .orElseGet(() -> sessions.startLogin(sessionId, phone, api));
  }

  /** The step, run here when this node has the session's client, else by the node holding it. */
  public LoginStep run(long sessionId, Kind kind, String secret) {
    // When no node runs its login, run here: that says so.
    return relayed(sessionId, kind, secret).orElseGet(() -> runHere(sessionId, kind, secret));
  }

  /**
   * The answer of the node holding the session, when this node has no client of it and another node
   * holds its lease; empty when the step is for this node.
   */
  private Optional<LoginStep> relayed(long sessionId, Kind kind, String secret) {
    if (mailbox == null || sessions.find(sessionId).isPresent()) {
      return Optional.empty();
    }
    OptionalLong asked = mailbox.post(sessionId, node, kind, secret);
    return asked.isPresent()
        ? Optional.of(awaitAnswer(sessionId, asked.getAsLong()))
        : Optional.empty();
  }

  /** One round: the steps asked of this node's logins in progress, run and answered. */
  void answerAsked() {
    Set<Long> loggingIn = sessions.notLoggedIn();
    if (loggingIn.isEmpty()) {
      return;
    }
    for (AskedStep asked : mailbox.take(node, loggingIn, ASKED_WITHIN)) {
      // Each step on its own: one that fails leaves the others of the round to run.
      try {
        answer(asked);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Session {0}: {1} asked on another node not answered: {2}",
            new Object[] {asked.sessionId(), asked.kind(), e.toString()});
      }
    }
  }

  private void answer(AskedStep asked) {
    LoginStep done;
    try {
      done = runHere(asked.sessionId(), asked.kind(), asked.secret());
    } catch (RuntimeException e) {
      done = LoginStep.failed("The login step failed on " + node + ": " + e.getMessage());
    }
    LOG.log(
        Level.INFO,
        "Session {0}: {1} asked on another node, answered {2}",
        new Object[] {asked.sessionId(), asked.kind(), done.kind()});
    mailbox.answer(asked.id(), done.progress());
  }

  private void answerRound() {
    try {
      answerAsked();
      lastRoundFailed = false;
    } catch (RuntimeException e) {
      if (!lastRoundFailed) {
        LOG.log(Level.WARNING, "Login steps asked on other nodes not read: {0}", e.getMessage());
      }
      lastRoundFailed = true;
    }
  }

  private LoginStep runHere(long sessionId, Kind kind, String secret) {
    return switch (kind) {
      case START -> sessions.startLogin(sessionId, secret);
      case CODE -> sessions.submitCode(sessionId, secret);
      case RESEND -> sessions.resendCode(sessionId);
      case PASSWORD -> sessions.submitPassword(sessionId, secret);
    };
  }

  /**
   * The holder's answer. A step not taken within {@link #TAKEN_WITHIN} is forgotten: no login of
   * the session waits on that node. A step taken runs to its end there: once the wait is over, the
   * admin is told to look at the session before asking again (Telegram may have acted on it).
   */
  private LoginStep awaitAnswer(long sessionId, long step) {
    long asked = System.nanoTime();
    boolean taken = false;
    RuntimeException unreadable = null;
    try {
      while (true) {
        boolean last = System.nanoTime() - asked >= answerWithin.toNanos();
        try {
          Optional<LoginProgress> answer = mailbox.answerOf(step);
          if (answer.isPresent()) {
            return LoginStep.of(answer.get());
          }
          if (last) {
            break;
          }
          if (!taken && System.nanoTime() - asked > TAKEN_WITHIN.toNanos()) {
            if (mailbox.forget(step)) {
              return LoginStep.failed(
                  "Session "
                      + sessionId
                      + " is open on another node, which has no login of it waiting for this step"
                      + " (or is busy with another login's step); start the login again, or try"
                      + " again");
            }
            taken = true;
          }
          unreadable = null;
        } catch (RuntimeException databaseAway) {
          unreadable = databaseAway; // tried again until the wait is over
          if (last) {
            break;
          }
        }
        Thread.sleep(ANSWER_POLL.toMillis());
      }
      if (!taken && unreadable == null && mailbox.forget(step)) {
        return LoginStep.failed("The node holding session " + sessionId + " did not take the step");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return LoginStep.failed("Login step interrupted");
    } catch (RuntimeException databaseAway) {
      unreadable = databaseAway;
    }
    return LoginStep.failed(
        "The node running session "
            + sessionId
            + "'s login gave no answer within "
            + answerWithin.toSeconds()
            + " s"
            + (unreadable == null ? "" : " (the database: " + unreadable.getMessage() + ")")
            + "; look at the session's state before asking again (Telegram may have acted on"
            + " it)");
  }

  @Override
  public void close() {
    if (rounds != null) {
      rounds.shutdownNow();
    }
  }
}
