package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DeliveryLedger;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStoreException;
import dev.herald.domain.engine.LeaseStore;
import dev.herald.domain.engine.SessionLease;
import dev.herald.domain.engine.SessionLeases;
import dev.herald.domain.engine.SessionPenalties;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's stores in memory, for unit tests of the engine's parts: due cycles to hand out,
 * delivery records as a set of (account, cycle, chat), session leases with {@link SessionLease}'s
 * rules (the claim deals like {@code LeaseSql.CLAIM_DUE}), and every call recorded for assertions.
 */
class InMemoryEngineStore implements LeaseStore, DeliveryLedger, SessionPenalties, SessionLeases {

  final List<DueCycle> due = new CopyOnWriteArrayList<>();
  final Set<String> records = new HashSet<>();

  /** The outcome written on each record, by key, and the records reopened once. */
  private final Map<String, SendOutcome> outcomes = new ConcurrentHashMap<>();

  private final Set<String> retried = new HashSet<>();

  /** When each record's latest attempt started, by key. */
  private final Map<String, Instant> started = new ConcurrentHashMap<>();

  /** The sender of each record's latest attempt, by key. */
  private final Map<String, Sender> senders = new ConcurrentHashMap<>();

  final Set<Long> notRunning = new HashSet<>();

  /** Accounts whose plan or configuration changed since their cycle was planned. */
  final Set<Long> outdated = ConcurrentHashMap.newKeySet();

  /** The pool's replacement for a session banned or parked needing a login (none by default). */
  final Map<Long, Long> replacements = new ConcurrentHashMap<>();

  final List<List<Begin>> beginBatches = new CopyOnWriteArrayList<>();
  final List<Finished> finished = new CopyOnWriteArrayList<>();
  final List<Completed> completed = new CopyOnWriteArrayList<>();
  final List<String> penalties = new CopyOnWriteArrayList<>();
  final List<Integer> claimLimits = new CopyOnWriteArrayList<>();
  final Map<Long, SessionLease> sessionLeases = new ConcurrentHashMap<>();
  volatile Clock clock = Clock.systemUTC();
  volatile RuntimeException failure;

  /** Due cycles in order; a bot another node holds every session of stays for that node. */
  @Override
  public synchronized List<DueCycle> claimDue(
      String node, Duration lookahead, Duration lease, int limit) {
    failIfAsked();
    claimLimits.add(limit);
    Instant now = clock.instant();
    List<DueCycle> claimed = new ArrayList<>();
    for (DueCycle cycle : due) {
      if (claimed.size() < limit
          && SessionLease.claimable(cycle.sessionIds(), sessionLeases, node, now)) {
        claimed.add(cycle);
      }
    }
    due.removeAll(claimed);
    return claimed.stream().map(cycle -> dealt(cycle, node, now)).toList();
  }

  private DueCycle dealt(DueCycle cycle, String node, Instant now) {
    return continued(cycle, SessionLease.dealable(cycle.sessionIds(), sessionLeases, node, now));
  }

  /**
   * The cycle as the claim gives it to {@code sessions} ({@code LeaseSql.CLAIM_DUE}): continued
   * when it has records, which name its attempted chats (all but those the ledger would reopen),
   * the session of each such record whose session was unavailable, and when the latest post whose
   * sender sent something started, as the time since. The daily cap is not modelled here: a
   * continuation keeps the cycle's cap as given, with no posts left uncounted ({@code
   * JdbcDeliveryLedgerTest} shows the claim's count).
   */
  synchronized DueCycle continued(DueCycle cycle, List<Long> sessions) {
    String prefix = cycle.accountId() + "/" + cycle.cycleId() + "/";
    Set<String> attempted = new HashSet<>();
    Set<TargetKey> unavailable = new HashSet<>();
    boolean continued = false;
    Instant lastPost = null;
    for (String key : records) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      continued = true;
      String chat = key.substring(prefix.length());
      Instant at = started.get(key);
      if (!reopenable(key) && at != null && (lastPost == null || at.isAfter(lastPost))) {
        lastPost = at;
      }
      boolean again = reopenable(key) && !retried.contains(key);
      if (!again) {
        attempted.add(chat);
      } else if (outcomes.get(key) instanceof SendOutcome.SenderUnavailable
          && senders.containsKey(key)) {
        unavailable.add(TargetKey.of(cycle.accountId(), senders.get(key), chat));
      }
    }
    return Cycles.claimedAgain(
        cycle,
        cycle.lease(),
        sessions,
        continued,
        attempted,
        unavailable,
        Optional.ofNullable(lastPost).map(at -> Duration.between(at, clock.instant())));
  }

  /** The bots' leases are not modelled here. */
  @Override
  public void heartbeat(String node, Duration lease, List<Long> heldAccounts) {}

  @Override
  public synchronized Set<Long> extend(String node, Duration lease, Collection<Long> sessionIds) {
    Instant until = clock.instant().plus(lease);
    Set<Long> held = new HashSet<>();
    for (long id : sessionIds) {
      SessionLease current = sessionLeases.get(id);
      if (current != null && current.ownerNode().equals(node)) {
        sessionLeases.put(id, new SessionLease(id, node, until));
        held.add(id);
      }
    }
    return held;
  }

  @Override
  public synchronized boolean acquire(long sessionId, String node, Duration lease) {
    SessionLease held = sessionLeases.get(sessionId);
    if (held != null && held.heldElsewhere(node, clock.instant())) {
      return false;
    }
    sessionLeases.put(sessionId, new SessionLease(sessionId, node, clock.instant().plus(lease)));
    return true;
  }

  @Override
  public void release(long sessionId, String node) {
    sessionLeases.computeIfPresent(
        sessionId, (id, held) -> held.ownerNode().equals(node) ? null : held);
  }

  @Override
  public void releaseAll(String node) {
    sessionLeases.values().removeIf(held -> held.ownerNode().equals(node));
  }

  @Override
  public boolean otherNodesAlive(String node, Duration window) {
    return false;
  }

  @Override
  public int stopAllAfterRestart() {
    return 0;
  }

  @Override
  public void leave(String node) {}

  /**
   * Chats whose begin fails as it would with the database lost while their record is written (a
   * connection failure, SQLSTATE 08006), or, in {@link #beginRefusedFor}, refused by the database.
   */
  final Set<String> beginFailsFor = ConcurrentHashMap.newKeySet();

  final Set<String> beginRefusedFor = ConcurrentHashMap.newKeySet();

  @Override
  public synchronized List<DeliveryStart> beginDeliveries(String node, List<Begin> posts) {
    failIfAsked();
    for (Begin post : posts) {
      if (beginFailsFor.contains(post.chat())) {
        throw new EngineStoreException(
            "begin deliveries",
            new SQLException("An I/O error occurred while sending to the backend", "08006"),
            true);
      }
      if (beginRefusedFor.contains(post.chat())) {
        throw new EngineStoreException(
            "begin deliveries",
            new SQLException("column \"retryable\" does not exist", "42703"),
            false);
      }
    }
    beginBatches.add(List.copyOf(posts));
    List<DeliveryStart> starts = new ArrayList<>();
    for (Begin post : posts) {
      long account = post.cycle().accountId();
      if (notRunning.contains(account)) {
        starts.add(DeliveryStart.BOT_NOT_RUNNING);
      } else if (outdated.contains(account)) {
        starts.add(DeliveryStart.CYCLE_OUTDATED);
      } else if (records.add(key(post.cycle(), post.chat()))
          || reopenable(key(post.cycle(), post.chat()))
              && retried.add(key(post.cycle(), post.chat()))) {
        // A new record, or one whose sender sent nothing reopened once (LedgerSql.reopenable).
        outcomes.remove(key(post.cycle(), post.chat()));
        senders.put(key(post.cycle(), post.chat()), post.sender());
        started.put(key(post.cycle(), post.chat()), clock.instant());
        starts.add(DeliveryStart.SEND);
      } else {
        starts.add(DeliveryStart.ALREADY_ATTEMPTED);
      }
    }
    return starts;
  }

  /** Each writer's last committed flush, as the ledger keeps it (V98). */
  private final Map<UUID, Long> flushes = new ConcurrentHashMap<>();

  /** A flush as the ledger was asked it, committed or not. */
  record FlushCall(FlushId id, List<Finished> finished, List<Completed> completed) {}

  final List<FlushCall> flushCalls = new CopyOnWriteArrayList<>();

  /** Fails the flushes after committing them, as a connection lost while committing would. */
  volatile RuntimeException failureAfterCommit;

  @Override
  public void flush(String node, FlushId id, List<Finished> finished, List<Completed> completed) {
    for (FlushCall first : flushCalls) {
      if (first.id().equals(id)
          && !(first.finished().containsAll(finished)
              && first.completed().containsAll(completed))) {
        // The ledger would take it as written: the added items would be lost.
        throw new AssertionError("flush " + id + " retried with an item it was not sent with");
      }
    }
    flushCalls.add(new FlushCall(id, List.copyOf(finished), List.copyOf(completed)));
    failIfAsked();
    if (flushes.getOrDefault(id.writer(), 0L) >= id.number()) {
      return; // committed already
    }
    flushes.put(id.writer(), id.number());
    this.finished.addAll(finished);
    finished.forEach(post -> outcomes.put(key(post.cycle(), post.chat()), post.outcome()));
    this.completed.addAll(completed);
    if (failureAfterCommit != null) {
      throw failureAfterCommit;
    }
  }

  @Override
  public Optional<Long> releaseAndReplace(long accountId, long sessionId, String reason) {
    throw new UnsupportedOperationException("an admin's action, not the engine's");
  }

  @Override
  public void coolDownSession(long accountId, long sessionId, Instant until, String reason) {
    penalties.add("cool down " + sessionId + " until " + until + " (" + reason + ")");
  }

  @Override
  public Optional<Long> banAndReplace(long accountId, long sessionId, String reason) {
    penalties.add("ban " + sessionId + " (" + reason + ")");
    return Optional.ofNullable(replacements.get(sessionId));
  }

  @Override
  public void parkUnavailable(long accountId, long sessionId, Instant retryAt, String reason) {
    penalties.add("unavailable " + sessionId + " until " + retryAt + " (" + reason + ")");
  }

  @Override
  public Optional<Long> parkNeedsLoginAndReplace(long accountId, long sessionId, String reason) {
    penalties.add("needs login " + sessionId + " (" + reason + ")");
    return Optional.ofNullable(replacements.get(sessionId));
  }

  @Override
  public void showError(long accountId, String reason) {
    penalties.add("error: " + reason);
  }

  /** Forgets every delivery record, with its outcome. */
  synchronized void forgetRecords() {
    records.clear();
    outcomes.clear();
    retried.clear();
    senders.clear();
    started.clear();
  }

  /** LedgerSql.reopenable's first half; {@code retried} is its second. */
  private boolean reopenable(String key) {
    SendOutcome outcome = outcomes.get(key);
    return outcome != null && outcome.retryableByAnotherSender();
  }

  private static String key(DueCycle cycle, String chat) {
    return cycle.accountId() + "/" + cycle.cycleId() + "/" + chat;
  }

  private void failIfAsked() {
    if (failure != null) {
      throw failure;
    }
  }
}
