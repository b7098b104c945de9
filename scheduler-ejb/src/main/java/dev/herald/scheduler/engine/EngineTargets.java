package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.targets.TargetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's side of targets: each cycle reads its account's target records once ({@link
 * #forCycle}), prepares what is not ready through the transport and queues every change for {@link
 * TargetWrites}. {@link #none()} is the engine without targets (every chat sent as written), for
 * tests that are about something else.
 */
final class EngineTargets {

  private static final Logger LOG = Logger.getLogger(EngineTargets.class.getName());

  private final TargetStore store;
  private final TargetPreparer preparer;
  private final TargetRules rules;
  private final TargetWrites writes;

  /**
   * The records of claimed cycles not started yet, read for the whole claimed batch at once ({@link
   * #prefetch}); each is taken by its cycle's start.
   */
  private final Map<Long, Map<TargetKey, ChatTarget>> prefetched = new ConcurrentHashMap<>();

  /**
   * The account each session was last seen claimed for on this node, and which of them moved to it
   * lately with records in another account ({@link TargetStore#movedSessions}): asked once per new
   * (session, account) pair, in one read per claimed batch, so a steady engine reads nothing more.
   */
  private final Map<Long, Long> sessionAccounts = new ConcurrentHashMap<>();

  private final Set<Long> movedSessions = ConcurrentHashMap.newKeySet();

  EngineTargets(
      TargetStore store, TargetPreparer preparer, TargetRules rules, TargetWrites writes) {
    this.store = store;
    this.preparer = preparer;
    this.rules = rules;
    this.writes = writes;
  }

  static EngineTargets none() {
    return new EngineTargets(null, null, null, null);
  }

  /**
   * Reads the targets of a claimed batch in one round trip, so a cycle's start reads nothing (one
   * read per cycle was one more transaction per execution). A failed read leaves each cycle to read
   * its own.
   */
  void prefetch(List<DueCycle> claimed) {
    if (store == null || claimed.isEmpty()) {
      return;
    }
    try {
      prefetched.putAll(store.forAccounts(claimed.stream().map(DueCycle::accountId).toList()));
      learnMoves(claimed);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reading the targets of {0} claimed cycles failed ({1}); each cycle reads its own",
          new Object[] {claimed.size(), e.getMessage()});
    }
  }

  /**
   * The account's targets for one cycle ({@code cycleGap}: its bot's delay between cycles): one
   * read. When the read fails, the cycle prepares its chats again (preparing a ready chat only
   * finds it ready) rather than not posting.
   */
  CycleTargets forCycle(long accountId, Duration cycleGap, Clock clock) {
    if (store == null) {
      return CycleTargets.disabled();
    }
    Map<TargetKey, ChatTarget> known;
    try {
      Map<TargetKey, ChatTarget> read = prefetched.remove(accountId);
      known = read != null ? read : store.forAccount(accountId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reading the targets of account {0} failed ({1}); its chats are prepared again",
          new Object[] {accountId, e.getMessage()});
      known = Map.of();
    }
    return new CycleTargets(
        accountId,
        known,
        preparer,
        rules,
        writes,
        clock,
        cycleGap,
        sessionId -> sessionElsewhere(sessionId, accountId, clock));
  }

  /** Asks which of the batch's sessions claimed for a new account moved to it lately. */
  private void learnMoves(List<DueCycle> claimed) {
    Map<Long, Long> fresh = new HashMap<>();
    for (DueCycle cycle : claimed) {
      for (long session : cycle.sessionIds()) {
        if (!Long.valueOf(cycle.accountId()).equals(sessionAccounts.get(session))) {
          fresh.put(session, cycle.accountId());
        }
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Set<Long> moved = store.movedSessions(fresh.keySet(), rules.historySince(Instant.now()));
    fresh.keySet().forEach(movedSessions::remove);
    movedSessions.addAll(moved);
    sessionAccounts.putAll(fresh);
  }

  /**
   * A session's recent records in other accounts: none for a session known not to have moved
   * lately; read for one that did, or one this node has not asked about for this account (its
   * batch's read failed). When the read fails, none (the session is paced on this account's records
   * alone, as before it moved).
   */
  private List<ChatTarget> sessionElsewhere(long sessionId, long accountId, Clock clock) {
    boolean known = Long.valueOf(accountId).equals(sessionAccounts.get(sessionId));
    if (known && !movedSessions.contains(sessionId)) {
      return List.of();
    }
    try {
      return store.ofSessionElsewhere(sessionId, accountId, rules.historySince(clock.instant()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reading session {0}''s targets in other accounts failed ({1}); paced on account {2}''s",
          new Object[] {sessionId, e.getMessage(), accountId});
      return List.of();
    }
  }
}
