package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.SessionLeases;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 15 at the client: two nodes (two {@link TdlibSessions}, each with its own fake library) over
 * one lease store; a node opens a session's client only under its lease.
 */
class TdlibSessionLeasesTest {

  private static final Duration TIMEOUT = Duration.ofMillis(800);
  private static final ChatReference CHAT = ChatReference.parse("@herald_demo");

  /** The lease store's rules without expiry (no node dies here): one owner per session. */
  static final class MemoryLeases implements SessionLeases {
    final Map<Long, String> owners = new ConcurrentHashMap<>();
    volatile boolean unreachable;

    @Override
    public boolean acquire(long sessionId, String node, Duration lease) {
      return node.equals(owners.computeIfAbsent(sessionId, id -> node));
    }

    @Override
    public Set<Long> extend(String node, Duration lease, Collection<Long> sessionIds) {
      if (unreachable) {
        throw new IllegalStateException("the database is unreachable");
      }
      return sessionIds.stream()
          .filter(id -> node.equals(owners.get(id)))
          .collect(Collectors.toSet());
    }

    @Override
    public void release(long sessionId, String node) {
      owners.remove(sessionId, node);
    }

    @Override
    public void releaseAll(String node) {
      owners.values().removeIf(node::equals);
    }
  }

  @TempDir Path dataA;
  @TempDir Path dataB;
  private final MemoryLeases leases = new MemoryLeases();
  private final FakeTdJson tdA = new FakeTdJson();
  private final FakeTdJson tdB = new FakeTdJson();
  private TdlibSessions nodeA;
  private TdlibSessions nodeB;

  @BeforeEach
  void start() throws Exception {
    nodeA = node(tdA, dataA, "node-a");
    nodeB = node(tdB, dataB, "node-b");
  }

  private TdlibSessions node(FakeTdJson td, Path data, String name) throws Exception {
    return over(td, data, TIMEOUT, id -> Optional.of(API))
        .leasedThrough(ClientLeases.of(leases, name, Duration.ofSeconds(6)));
  }

  @AfterEach
  void stop() {
    nodeA.close();
    nodeB.close();
  }

  @Test
  void aSessionOpenOnOneNodeIsNotOpenedOnAnother() {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, nodeA.startLogin(1, PHONE, API).kind());
    assertEquals("node-a", leases.owners.get(1L));

    SendOutcome outcome = nodeB.send(1, CHAT, Post.text("hello")).join();
    LoginStep login = nodeB.startLogin(1, PHONE, API);

    assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome, "parked, never banned");
    assertTrue(outcome.toString().contains("open on another node"), outcome.toString());
    assertTrue(outcome.retryableByAnotherSender(), "nothing sent: another sender may post it");
    assertEquals(LoginStep.Kind.FAILED, login.kind());
    assertEquals(0, tdB.count("setTdlibParameters"), "node B never opened a client");
  }

  @Test
  void aNodeThatClosesItsClientsGivesTheirLeasesBackForAnotherToOpen() {
    nodeA.startLogin(1, PHONE, API);
    nodeA.close();

    assertTrue(leases.owners.isEmpty(), leases.owners.toString());
    nodeB.send(1, CHAT, Post.text("hello")).join();
    assertEquals("node-b", leases.owners.get(1L));
    assertEquals(1, tdB.count("setTdlibParameters"));
  }

  @Test
  void closingOneSessionGivesItsLeaseBack() throws Exception {
    nodeA.startLogin(1, PHONE, API);
    nodeA.startLogin(2, "+447700900124", API);

    nodeA.close(1);

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (leases.owners.containsKey(1L) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(Map.of(2L, "node-a"), Map.copyOf(leases.owners));
  }

  /** Waits (bounded) until {@code node} has no client of session 1 open any more. */
  private static boolean closedWithin(TdlibSessions node, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (node.find(1).isPresent() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return node.find(1).isEmpty();
  }

  @Test
  void aClientWhoseLeaseAnotherNodeTookIsClosedHere() {
    nodeA.startLogin(1, PHONE, API);
    leases.owners.put(1L, "node-b"); // node A stalled past its lease, node B took the session

    assertTrue(closedWithin(nodeA, Duration.ofSeconds(10)), "node A closed its client");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (tdA.count("close") == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, tdA.count("close"), "TDLib was told to close it");
    assertInstanceOf(
        SendOutcome.SenderUnavailable.class, nodeA.send(1, CHAT, Post.text("hello")).join());
  }

  @Test
  void clientsAreClosedWhenTheirLeasesCannotBeExtendedBeforeTheyRunOut() {
    nodeA.startLogin(1, PHONE, API);
    leases.unreachable = true; // from now on node A cannot extend: its lease (6 s) runs out

    long lostAt = System.nanoTime();
    assertTrue(closedWithin(nodeA, Duration.ofSeconds(10)), "node A closed its client");
    long tookMs = (System.nanoTime() - lostAt) / 1_000_000;
    assertTrue(tookMs < 6_000, "closed before the lease could run out, after " + tookMs + " ms");
  }
}
