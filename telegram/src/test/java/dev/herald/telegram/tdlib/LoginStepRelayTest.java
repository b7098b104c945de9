package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.LoginStepMailbox;
import dev.herald.domain.session.LoginStepMailbox.Kind;
import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import dev.herald.telegram.tdlib.TdlibSessionLeasesTest.MemoryLeases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login's steps on whichever node they reach: two nodes over one lease store and one mailbox; a
 * login started on node A takes its code and password through node B, run on A's client, while B
 * opens no client of the session.
 */
class LoginStepRelayTest {

  private static final Duration TIMEOUT = Duration.ofMillis(800);

  /** The mailbox's rules in memory: a step is left only while another node holds the lease. */
  static final class MemoryMailbox implements LoginStepMailbox {
    private final MemoryLeases leases;
    private final AtomicLong ids = new AtomicLong();
    final Map<Long, AskedStep> asked = new ConcurrentHashMap<>();
    final Map<Long, LoginProgress> answers = new ConcurrentHashMap<>();

    MemoryMailbox(MemoryLeases leases) {
      this.leases = leases;
    }

    @Override
    public OptionalLong post(long sessionId, String node, Kind kind, String secret) {
      String holder = leases.owners.get(sessionId);
      if (holder == null || holder.equals(node)) {
        return OptionalLong.empty();
      }
      long id = ids.incrementAndGet();
      asked.put(id, new AskedStep(id, sessionId, kind, secret));
      return OptionalLong.of(id);
    }

    @Override
    public synchronized List<AskedStep> take(
        String node, Collection<Long> sessionIds, Duration askedWithin) {
      List<AskedStep> taken = new ArrayList<>();
      asked.values().removeIf(step -> sessionIds.contains(step.sessionId()) && taken.add(step));
      return taken;
    }

    @Override
    public void answer(long stepId, LoginProgress progress) {
      answers.put(stepId, progress);
    }

    @Override
    public Optional<LoginProgress> answerOf(long stepId) {
      return Optional.ofNullable(answers.remove(stepId));
    }

    @Override
    public synchronized boolean forget(long stepId) {
      return asked.remove(stepId) != null;
    }
  }

  @TempDir Path dataA;
  @TempDir Path dataB;
  private final MemoryLeases leases = new MemoryLeases();
  private final MemoryMailbox mailbox = new MemoryMailbox(leases);
  private final FakeTdJson tdA = new FakeTdJson();
  private final FakeTdJson tdB = new FakeTdJson();
  private TdlibSessions nodeA;
  private TdlibSessions nodeB;
  private LoginStepRelay stepsA;
  private LoginStepRelay stepsB;

  @BeforeEach
  void start() throws Exception {
    nodeA = node(tdA, dataA, "node-a");
    nodeB = node(tdB, dataB, "node-b");
    stepsA = LoginStepRelay.across(nodeA, mailbox, "node-a", TIMEOUT, Thread::new);
    stepsB = LoginStepRelay.across(nodeB, mailbox, "node-b", TIMEOUT, Thread::new);
  }

  private TdlibSessions node(FakeTdJson td, Path data, String name) throws Exception {
    return over(td, data, TIMEOUT, id -> Optional.of(API))
        .leasedThrough(ClientLeases.of(leases, name, Duration.ofSeconds(6)));
  }

  @AfterEach
  void stop() {
    stepsA.close();
    stepsB.close();
    nodeA.close();
    nodeB.close();
  }

  @Test
  void aLoginStartedOnOneNodeTakesItsStepsThroughAnother() {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, nodeA.startLogin(1, PHONE, API).kind());

    LoginStep wrong = stepsB.run(1, Kind.CODE, "11111");
    LoginStep code = stepsB.run(1, Kind.CODE, "12345");
    LoginStep password = stepsB.run(1, Kind.PASSWORD, "secret");

    assertEquals(LoginStep.Kind.CODE_REQUIRED, wrong.kind(), "a wrong code asks again: " + wrong);
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, code.kind(), code.toString());
    assertEquals(LoginStep.ready(), password);
    assertEquals("authorizationStateReady", nodeA.find(1).orElseThrow().authorizationState());
    assertEquals(0, tdB.count("setTdlibParameters"), "node B never opened a client");
    assertTrue(mailbox.asked.isEmpty() && mailbox.answers.isEmpty(), "nothing left behind");
  }

  @Test
  void aLoginStartedAgainThroughAnotherNodeStartsAgainWhereItRuns() {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, nodeA.startLogin(1, PHONE, API).kind());

    LoginStep again = stepsB.start(1, PHONE, API);

    assertEquals(LoginStep.Kind.CODE_REQUIRED, again.kind(), again.toString());
    assertEquals(2, tdA.count("setAuthenticationPhoneNumber"), "the phone sent again on A");
    assertEquals(0, tdB.count("setTdlibParameters"), "node B never opened a client");
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, stepsB.run(1, Kind.CODE, "12345").kind());
  }

  @Test
  void aLoginNoNodeRunsStartsWhereItIsAsked() {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, stepsB.start(2, PHONE, API).kind());

    assertEquals("node-b", leases.owners.get(2L));
    assertTrue(mailbox.answers.isEmpty(), "nothing passed through the mailbox");
  }

  @Test
  void aStepForASessionAnotherNodeHoldsWithoutALoginIsRefusedWithinSeconds() {
    nodeA.startLogin(1, PHONE, API);
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, nodeA.submitCode(1, "12345").kind());
    assertEquals(LoginStep.ready(), nodeA.submitPassword(1, "secret"));

    long asked = System.nanoTime();
    LoginStep step = stepsB.run(1, Kind.CODE, "12345");

    assertEquals(LoginStep.Kind.FAILED, step.kind());
    assertTrue(step.detail().contains("no login of it waiting"), step.detail());
    long seconds = Duration.ofNanos(System.nanoTime() - asked).toSeconds();
    assertTrue(seconds < 15, "not the whole wait for an answer: " + seconds + " s");
    assertTrue(mailbox.asked.isEmpty(), "forgotten");
  }

  @Test
  void aStepOfALoginNoNodeRunsIsAnsweredAtOnceWithoutAsking() {
    LoginStep step = stepsB.run(7, Kind.CODE, "12345");

    assertEquals(LoginStep.failed("No login in progress for session 7"), step);
    assertTrue(mailbox.asked.isEmpty());
  }

  @Test
  void theNodeWithTheClientRunsItsStepsItself() {
    nodeA.startLogin(1, PHONE, API);

    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, stepsA.run(1, Kind.CODE, "12345").kind());
    assertTrue(mailbox.answers.isEmpty(), "nothing passed through the mailbox");
  }
}
