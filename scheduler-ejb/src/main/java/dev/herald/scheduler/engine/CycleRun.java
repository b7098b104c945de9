package dev.herald.scheduler.engine;

import dev.herald.domain.content.CycleContent;
import dev.herald.domain.engine.CyclePlan;
import dev.herald.domain.engine.CycleSummary;
import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStoreException;
import dev.herald.domain.engine.OutcomeAction;
import dev.herald.domain.engine.OutcomePolicy;
import dev.herald.domain.engine.SessionPenalties;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.DeliveryKey;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One cycle of one bot. Each sender works through its share of the groups as a chain: begin the
 * delivery record (committed before the send, in the next batch of {@link DeliveryStarts}), send,
 * queue the outcome, then schedule the next post after the delay. No thread waits for anything;
 * when every lane is done the cycle's completion is queued too, and {@link WriteBehind} writes
 * outcomes and completions in batches.
 *
 * <p>The schedule (issue 15): a cycle due outside its active hours posts nothing and is moved to
 * the next window's start; a lane that reaches the end of the window stops there, and the cycle
 * ends: the next cycle begins at the next window with every group again. A cycle posts to at most
 * the posts left of the tenant's day ({@link DailyCap}); once they are used up, the next cycle is
 * the next local day's first moment inside the active hours (the bot pauses with {@code
 * DAILY_CAP}). Both delays are jittered. A cycle without active hours or jitter does none of this
 * work per post.
 */
final class CycleRun {

  private static final Logger LOG = Logger.getLogger(CycleRun.class.getName());

  /**
   * How a cycle sends: the transport, what each outcome means, how a user bot's sealed token is
   * opened, and how formatted text becomes entities.
   */
  record Sending(
      TelegramGateway gateway,
      OutcomePolicy policy,
      UnaryOperator<String> unseal,
      TextFormatter formatter) {}

  /**
   * Where a cycle records what it does: delivery records begun before each send, outcomes and the
   * completion written behind, penalties for senders that cannot go on.
   */
  record Recording(DeliveryStarts starts, WriteBehind writes, SessionPenalties penalties) {}

  /**
   * The engine's threads (timers for delays, async hops), its clock and its figures, and {@code
   * senderInterval}: the least time between two posts of one lane's sender ({@link
   * dev.herald.domain.targets.TargetRules#PER_SENDER_INTERVAL}; tests of other rules may take zero
   * to run a cycle in one go).
   */
  record Environment(
      ScheduledExecutorService executor,
      Clock clock,
      EngineMetrics metrics,
      Duration senderInterval) {}

  private final DueCycle cycle;
  private final CycleContent content;
  private final Map<ChatReference, Integer> slots = new HashMap<>();
  private final Sending sending;
  private final Recording recording;
  private final Environment environment;
  private final AtomicInteger lanesLeft = new AtomicInteger();

  /** The cycle's senders and their shares ({@link CyclePlan#shares}), set when it starts. */
  private List<Sender> senders = List.of();

  private List<List<ChatReference>> shares = List.of();

  /** The next share to start when a lane ends. */
  private final AtomicInteger nextShare = new AtomicInteger();

  private final AtomicReference<CycleTally> tally = new AtomicReference<>(CycleTally.empty());

  /**
   * The posts (renderings) Telegram refused in this cycle, with why: the cycle sends them to no
   * other chat. Empty in nearly every cycle, so a send asks nothing of it then.
   */
  private final Map<Post, String> refusedPosts = new ConcurrentHashMap<>();

  /** How often each outcome came in this run, for the cycle's activity entry. */
  private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

  /**
   * False for a cycle that ran before ({@link DueCycle#continued}), and once this run met a
   * delivery record it did not write (another node's, in the meantime) or a lane failed (a record
   * may stay SENDING): the ledger then counts the cycle's records for its activity entry.
   */
  private volatile boolean sawEveryOutcome;

  /**
   * The plan or the configuration changed since this cycle was planned ({@link
   * DeliveryStart#CYCLE_OUTDATED}), a sender was lost ({@link Lane#senderLost}) or a delivery
   * record could not be written, the database out of reach ({@link Lane#recordNotWritten}): its
   * lanes end and the cycle is handed back.
   */
  private volatile boolean outdated;

  /**
   * This run met a stop or is handed back ({@link #outdated}): shares not started yet never start.
   */
  private volatile boolean ended;

  /** Senders of this run that could not go on ({@link Lane#senderLost}). */
  private final Set<Sender> sendersLost = ConcurrentHashMap.newKeySet();

  /** The earliest a cycle handed back for a record not written is continued. */
  private static final Duration RECORD_RETRY_FLOOR = Duration.ofSeconds(1);

  /** How long after the hand-back its continuation is due. */
  private volatile Duration handBackDelay = Duration.ZERO;

  /** A lane could not write a delivery record ({@link Lane#recordNotWritten}). */
  private volatile boolean recordNotWritten;

  private final Schedule schedule;

  /** The tenant's day this cycle counts its posts on, and how many it may start. */
  private LocalDate day;

  private int postsLeft;
  private final EngineTargets engineTargets;
  private CycleTargets targets;

  CycleRun(DueCycle cycle, Sending sending, Recording recording, Environment environment) {
    this(cycle, sending, recording, environment, EngineTargets.none());
  }

  CycleRun(
      DueCycle cycle,
      Sending sending,
      Recording recording,
      Environment environment,
      EngineTargets targets) {
    this.cycle = cycle;
    this.content =
        CycleContent.of(cycle.content(), cycle.accountId(), cycle.cycleId(), sending.formatter());
    this.sending = sending;
    this.recording = recording;
    this.environment = environment;
    this.schedule = cycle.schedule();
    this.engineTargets = targets;
    this.sawEveryOutcome = !cycle.continued();
  }

  void start() {
    Instant now = environment.clock().instant();
    day = DailyCap.day(now, schedule.zone());
    postsLeft = cycle.dailyCap().postsLeft(day);
    if (!schedule.mayPostAt(now)) {
      completeAt(schedule.nextAllowed(now));
      return;
    }
    if (postsLeft == 0) {
      completeAt(schedule.nextAllowed(DailyCap.nextDayStart(now, schedule.zone())));
      return;
    }
    List<ChatReference> open = notAttempted();
    List<ChatReference> groups = open.size() > postsLeft ? open.subList(0, postsLeft) : open;
    if (groups.isEmpty() && (schedule.minGroupIntervalMinutes() > 0 || cycle.continued())) {
      // Every group was posted to within its minimum interval (the claim left them out), or
      // attempted by this cycle's earlier runs.
      complete();
      return;
    }
    senders = senders();
    targets =
        engineTargets.forCycle(cycle.accountId(), cycle.delayBetweenCycles(), environment.clock());
    targets.postOncePerChat(cycle.groups());
    shares =
        CyclePlan.shares(
            groups,
            senders.size(),
            cycle.maxInFlight(),
            (lane, chat) -> place(senders.get(lane), chat));
    if (shares.isEmpty()) {
      // A continuation without a sender is one whose senders left meanwhile (the run before
      // handed its chats over): what took them off the account said so, and the next cycle will.
      if (!cycle.continued()) {
        recording
            .penalties()
            .showError(
                cycle.accountId(),
                senders.isEmpty()
                    ? "No usable session: every session is banned, cooling down, needs a new login"
                        + " or is unavailable for now (see the admin's session pool)."
                    : "No target groups configured.");
      }
      complete();
      return;
    }
    // A chat's slot (its place among the cycle's groups) picks its variant of the text.
    for (int i = 0; i < cycle.groups().size(); i++) {
      slots.putIfAbsent(cycle.groups().get(i), i);
    }
    lanesLeft.set(shares.size());
    // Shares beyond the plan's posts in flight (chats only a sender past the lanes can post in)
    // start one by one as lanes end (laneDone), so rule 7 holds.
    int atOnce = Math.min(cycle.maxInFlight(), shares.size());
    nextShare.set(atOnce);
    // A continuation keeps the delay between posts from its earlier runs' last post.
    long waitMs = cycle.firstPostsWait(jittered(cycle.delayBetweenPosts())).toMillis();
    for (int i = 0; i < atOnce; i++) {
      startShareAfter(i, waitMs);
    }
  }

  /**
   * The groups this cycle has not attempted yet: all of them in a first run; in a continuation,
   * those its delivery records do not name (the daily cap's share goes to them, and no sender
   * prepares a chat the ledger would refuse).
   */
  private List<ChatReference> notAttempted() {
    if (cycle.attempted().isEmpty()) {
      return cycle.groups();
    }
    return cycle.groups().stream()
        .filter(chat -> !cycle.attempted().contains(chat.canonical()))
        .toList();
  }

  /**
   * Where the sender stands with the chat, for dealing ({@link CyclePlan#shares}): what the
   * targets' records say, but a session that was unavailable for this chat in an earlier run of the
   * cycle ({@link DueCycle#wasUnavailableFor}) is barred from it while another sender of the run
   * may post there. Parked for 30 seconds only, it may be among the senders again and still not
   * open on this node, and would spend the chat's one retry the same way; with no other sender, it
   * is the chat's only chance.
   */
  private CyclePlan.Place place(Sender sender, ChatReference chat) {
    CyclePlan.Place place = targets.place(sender, chat);
    if (place == CyclePlan.Place.BARRED || !cycle.wasUnavailableFor(sender, chat)) {
      return place;
    }
    for (Sender other : senders) {
      // A chat has one record, so no other sender was unavailable for it.
      if (!other.equals(sender)
          && !sendersLost.contains(other)
          && targets.place(other, chat) != CyclePlan.Place.BARRED) {
        return CyclePlan.Place.BARRED;
      }
    }
    return place;
  }

  /** The tenant's own bot first (it risks no pooled session), then the sessions. */
  private List<Sender> senders() {
    List<Sender> senders = new ArrayList<>();
    Optional<String> sealed = cycle.userBotTokenSealed();
    if (sealed.isPresent()) {
      try {
        senders.add(Sender.userBot(cycle.accountId(), sending.unseal().apply(sealed.get())));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "The user bot of account {0} cannot be used: {1}",
            new Object[] {cycle.accountId(), e.getMessage()});
      }
    }
    for (long id : cycle.sessionIds()) {
      // A warming session whose hour's budget is used up sits this cycle out.
      if (cycle.postsLeft(id) > 0) {
        senders.add(Sender.session(id));
      }
    }
    return senders;
  }

  /**
   * A lane that broke off ends like one that finished, so the cycle still completes; {@code
   * message} takes the cycle's id, its account and what went wrong.
   */
  private void laneFailed(String message, RuntimeException e) {
    sawEveryOutcome = false;
    LOG.log(
        Level.WARNING, message, new Object[] {cycle.cycleId(), cycle.accountId(), e.getMessage()});
    laneDone();
  }

  private void laneDone() {
    // Every share counts in lanesLeft until it ends, so a pending one keeps it above zero.
    if (lanesLeft.decrementAndGet() == 0) {
      complete();
      return;
    }
    startNextShare();
  }

  /**
   * Starts the next share waiting for a lane to end, after the delay between posts: with one post
   * in flight, the account's posts stay that far apart whichever sender makes them. A run that met
   * a stop or handed the cycle back starts none: each ends at once (so does a lane's next post,
   * {@link Lane#post}), without a gate, which may join.
   */
  private void startNextShare() {
    int next = nextShare.getAndIncrement();
    if (next >= shares.size()) {
      return;
    }
    if (ended) {
      laneDone();
      return;
    }
    startShareAfter(next, jittered(cycle.delayBetweenPosts()).toMillis());
  }

  private void startShareAfter(int index, long delayMs) {
    if (delayMs <= 0) {
      startShare(index);
      return;
    }
    try {
      environment.executor().schedule(() -> startShare(index), delayMs, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // shutting down
      laneFailed("Cycle {0} of account {1}: a share could not start: {2}", e);
    }
  }

  private void startShare(int index) {
    try {
      new Lane(senders.get(index), shares.get(index)).post(0);
    } catch (RuntimeException e) {
      laneFailed("Cycle {0} of account {1}: a share failed to start: {2}", e);
    }
  }

  /**
   * The cycle's end: the next run after the (jittered) delay between cycles, or at the tenant's
   * next day when this cycle used the day's last posts; moved into the active hours.
   */
  private void complete() {
    Instant now = environment.clock().instant();
    if (outdated) {
      // Handed back, not ended: the next claim continues it under the new terms (rule 18), or
      // with the senders the account has now, after the delay between posts (Lane#senderLost).
      Duration delay = handBackDelay;
      if (recordNotWritten && delay.compareTo(RECORD_RETRY_FLOOR) < 0) {
        delay = RECORD_RETRY_FLOOR; // whichever lane set the delay last
      }
      recording
          .writes()
          .completed(
              Completed.handedBack(
                  cycle, now.plus(delay), tally.get(), day, !refusedPosts.isEmpty()));
      environment.metrics().cycleFinished();
      return;
    }
    Instant next = now.plus(jittered(cycle.delayBetweenCycles()));
    if (tally.get().posts() >= postsLeft) {
      Instant tomorrow = DailyCap.nextDayStart(now, schedule.zone());
      next = next.isAfter(tomorrow) ? next : tomorrow;
    }
    completeAt(schedule.nextAllowed(next));
  }

  private void completeAt(Instant nextRunAt) {
    CycleSummary summary = sawEveryOutcome ? CycleSummary.of(cycle.cycleId(), outcomes) : null;
    recording
        .writes()
        .completed(
            new Completed(cycle, nextRunAt, tally.get(), day, summary, !refusedPosts.isEmpty()));
    environment.metrics().cycleFinished();
  }

  private Duration jittered(Duration delay) {
    return schedule.jitterPercent() == 0
        ? delay
        : schedule.jittered(delay, ThreadLocalRandom.current().nextDouble());
  }

  private void count(CycleTally add) {
    tally.accumulateAndGet(add, CycleTally::plus);
  }

  /**
   * One sender's share of the groups, posted one after another. A warming session starts at most
   * the posts its warm-up leaves it this hour; the rest of its share waits for a later cycle, and
   * the share is turned hour by hour so every group gets its turn ({@link CyclePlan#inTurn}).
   */
  private final class Lane {
    private final Sender sender;
    private final List<ChatReference> chats;

    /** Posts this lane may still start (its session's warm-up budget; otherwise no limit). */
    private int postsLeft;

    Lane(Sender sender, List<ChatReference> share) {
      this.sender = sender;
      this.postsLeft =
          sender.kind() == Sender.Kind.SESSION ? cycle.postsLeft(sender.id()) : Integer.MAX_VALUE;
      this.chats =
          CyclePlan.inTurn(share, postsLeft, environment.clock().instant().getEpochSecond() / 3600);
    }

    /**
     * Posts the chat at {@code index}, once its target lets this sender post now; a chat that must
     * wait (rule 16) is left to a later cycle, with no delivery record, and the lane goes on.
     */
    void post(int index) {
      if (ended) {
        // Another lane met a stop or handed the cycle back: no gate (it may join) and no begin.
        laneDone();
        return;
      }
      // Active hours end: this lane stops; the rest waits for the next window (see the class).
      if (!schedule.activeHours().always() && !schedule.mayPostAt(environment.clock().instant())) {
        laneDone();
        return;
      }
      if (postsLeft == 0) {
        // The warm-up budget of the hour is used: the chats left wait for a later cycle.
        laneDone();
        return;
      }
      int at = index;
      while (at < chats.size()) {
        ChatReference chat = chats.get(at);
        if (targets.postedUnderAnotherName(sender, chat)) {
          sameChat();
          at++;
          continue;
        }
        CompletableFuture<CycleTargets.Gate> gate = targets.gate(sender, chat);
        if (!gate.isDone()) {
          int waiting = at;
          gate.whenCompleteAsync(
              (answer, failure) -> gated(waiting, chat, answer), environment.executor());
          return;
        }
        CycleTargets.Gate answer = gate.join();
        if (answer == CycleTargets.Gate.SEND) {
          begin(at, chat);
          return;
        }
        notPosted(answer);
        at++;
      }
      laneDone();
    }

    private void gated(int index, ChatReference chat, CycleTargets.Gate gate) {
      if (ended) {
        laneDone(); // another lane met a stop or a change while this chat was prepared
        return;
      }
      if (gate == CycleTargets.Gate.SEND) {
        begin(index, chat);
        return;
      }
      notPosted(gate);
      post(index + 1);
    }

    /** A chat its gate did not let this sender post to now: left to a later cycle, or taken. */
    private void notPosted(CycleTargets.Gate gate) {
      if (gate == CycleTargets.Gate.TAKEN) {
        sameChat();
      } else {
        environment.metrics().targetDeferred();
      }
    }

    /**
     * Another name of the chat (its username and its id, an invite link to it) took this cycle's
     * post there: this name is left out, and the cycle's activity entry counts it ("1 same chat"),
     * so the tenant removes one of them.
     */
    private void sameChat() {
      outcomes.merge(CycleSummary.SAME_CHAT, 1, Integer::sum);
    }

    private void begin(int index, ChatReference chat) {
      recording
          .starts()
          .begin(new Begin(cycle, chat.canonical(), sender))
          .whenComplete((start, failure) -> begun(index, chat, start, failure));
    }

    private void begun(int index, ChatReference chat, DeliveryStart start, Throwable failure) {
      try {
        if (failure != null) {
          if (!EngineStoreException.unreachable(failure)) {
            throw new IllegalStateException(failure.getMessage(), failure);
          }
          recordNotWritten(chat, failure);
          return;
        }
        if (start == DeliveryStart.BOT_NOT_RUNNING) {
          ended = true;
          laneDone();
        } else if (start == DeliveryStart.CYCLE_OUTDATED) {
          outdated = true;
          ended = true;
          laneDone();
        } else if (start == DeliveryStart.ALREADY_ATTEMPTED) {
          sawEveryOutcome = false;
          post(index + 1);
        } else {
          if (postsLeft != Integer.MAX_VALUE) {
            postsLeft--; // PostgreSQL counted it against the session's hour (V71)
          }
          Post post;
          try {
            post = content.forChat(slots.getOrDefault(chat, index), sender.kind());
          } catch (TextFormatException unformatted) {
            // Checked on save; reached only if this node cannot parse (no TDLib library) or a
            // variant beyond those checked does not parse. A failed send, recorded, not a stuck
            // one.
            sent(
                index,
                chat,
                null,
                new SendOutcome.TransientError(
                    "The post could not be formatted: " + unformatted.getMessage()),
                null);
            return;
          }
          String refused = refusedPosts.isEmpty() ? null : refusedPosts.get(post);
          if (refused != null) {
            // Refused in another chat of this cycle: this chat would refuse it too. Recorded
            // under this chat, never sent.
            sent(index, chat, post, new SendOutcome.PostRejected(refused), null);
            return;
          }
          Post attempted = post;
          CompletableFuture<SendOutcome> send =
              sending
                  .gateway()
                  .sendAsync(
                      new DeliveryKey(cycle.accountId(), cycle.cycleId(), chat.canonical()),
                      sender,
                      chat,
                      post)
                  .toCompletableFuture();
          if (send.isDone()) {
            // Answered at once (sandbox, or an error before any I/O): no hop to another thread.
            send.whenComplete((outcome, error) -> sent(index, chat, attempted, outcome, error));
          } else {
            send.whenCompleteAsync(
                (outcome, error) -> sent(index, chat, attempted, outcome, error),
                environment.executor());
          }
        }
      } catch (RuntimeException e) {
        laneFailed("Cycle {0} of account {1} stopped a lane: {2}", e);
      }
    }

    /**
     * The chat's delivery record could not be written, the database out of reach: nothing was sent,
     * so the cycle is handed back like a change of terms. Its lanes end at their next post, and the
     * continuation, due one delay between posts later (a second at least), posts the chats left,
     * this one too. Ended instead, a short outage lost the rest of the cycle: its completion was
     * written once the database was back, and its posts waited for the next cycle (an outage longer
     * than the lease gave the completion up and the cycle ran again anyway). A record written whose
     * answer was lost stays SENDING, and its chat is never sent in the cycle (rule 10). Any other
     * failure (a statement the database refused would fail again) ends the lane as before: handed
     * back, the cycle would come back every delay between posts for good. {@link DeliveryStarts}
     * warns of the outage, once.
     */
    private void recordNotWritten(ChatReference chat, Throwable failure) {
      handBackDelay = jittered(cycle.delayBetweenPosts());
      recordNotWritten = true;
      outdated = true;
      ended = true;
      LOG.log(
          Level.FINE,
          "Cycle {0} of account {1}: the delivery record of {2} could not be written ({3}); the"
              + " cycle is handed back to post the chats left",
          new Object[] {
            cycle.cycleId(), cycle.accountId(), chat.canonical(), failure.getMessage()
          });
      laneDone();
    }

    /** {@code post} is what was sent (null when nothing could be). */
    private void sent(
        int index, ChatReference chat, Post post, SendOutcome outcome, Throwable failure) {
      try {
        SendOutcome result =
            failure == null
                ? outcome
                : new SendOutcome.TransientError(String.valueOf(failure.getMessage()));
        recording
            .writes()
            .finished(new Finished(cycle, chat.canonical(), result, environment.clock().instant()));
        outcomes.merge(result.code(), 1, Integer::sum);
        environment.metrics().post(result.code());
        targets.sent(sender, chat, result);
        OutcomeAction action = sending.policy().decide(result);
        boolean delivered = result instanceof SendOutcome.Delivered;
        // Sent nothing: the chat may yet be posted in the cycle, so the daily cap skips it.
        int unsent = result.retryableByAnotherSender() ? 1 : 0;
        switch (action.kind()) {
          case CONTINUE, SKIP_CHAT -> {
            // A slow-mode answer is a wait Telegram asked for: it counts in total_flood_waits.
            int waits = result instanceof SendOutcome.SlowMode ? 1 : 0;
            if (waits > 0) {
              environment.metrics().floodWait();
            }
            count(new CycleTally(1, delivered ? 1 : 0, delivered ? 0 : 1, waits));
            next(index);
          }
          case DROP_POST -> {
            count(new CycleTally(1, 0, 1, 0));
            if (post != null && refusedPosts.putIfAbsent(post, action.reason()) == null) {
              recording
                  .penalties()
                  .showError(
                      cycle.accountId(), action.reason() + ". Edit the post in the bot config.");
            }
            next(index);
          }
          case COOL_DOWN_SENDER -> {
            count(new CycleTally(1, 0, 1, 1, unsent));
            environment.metrics().floodWait();
            if (sender.kind() == Sender.Kind.SESSION) {
              recording
                  .penalties()
                  .coolDownSession(
                      cycle.accountId(),
                      sender.id(),
                      environment.clock().instant().plus(action.coolDown()),
                      action.reason());
              // A flood wait is routine; a cool-down of an hour or more (PEER_FLOOD) is news.
              LOG.log(
                  action.coolDown().compareTo(Duration.ofHours(1)) >= 0
                      ? Level.WARNING
                      : Level.FINE,
                  "Session {0} of account {1} cools down for {2} s: {3}",
                  new Object[] { // as text: MessageFormat would print 1234 as "1,234"
                    String.valueOf(sender.id()),
                    String.valueOf(cycle.accountId()),
                    String.valueOf(action.coolDown().toSeconds()),
                    action.reason()
                  });
            }
            senderLost(index, result, false);
          }
          case BAN_SENDER -> {
            count(new CycleTally(1, 0, 1, 0, unsent));
            environment.metrics().ban();
            boolean replaced = false;
            if (sender.kind() == Sender.Kind.SESSION) {
              replaced =
                  recording
                      .penalties()
                      .banAndReplace(cycle.accountId(), sender.id(), action.reason())
                      .isPresent();
              LOG.log(
                  Level.WARNING,
                  "Session {0} banned on Telegram''s answer ({1}): it leaves account {2}, replaced"
                      + " from the pool if one is left",
                  new Object[] {
                    String.valueOf(sender.id()), action.reason(), String.valueOf(cycle.accountId())
                  });
            } else {
              recording
                  .penalties()
                  .showError(cycle.accountId(), "Your bot's token was refused: " + action.reason());
            }
            senderLost(index, result, replaced);
          }
          case PARK_UNAVAILABLE, PARK_NEEDS_LOGIN -> {
            count(new CycleTally(1, 0, 1, 0, unsent));
            senderLost(index, result, park(action));
          }
        }
      } catch (RuntimeException e) {
        laneFailed("Cycle {0} of account {1}: recording a send failed: {2}", e);
      }
    }

    /**
     * A session that cannot send now leaves this cycle, parked, never banned (rule 14); the other
     * lanes go on. Transports answer these outcomes for sessions only; a user bot that got one just
     * sits this cycle out. Returns whether a replacement from the pool took the session's place.
     */
    private boolean park(OutcomeAction action) {
      if (sender.kind() != Sender.Kind.SESSION) {
        return false;
      }
      if (action.kind() == OutcomeAction.Kind.PARK_UNAVAILABLE) {
        environment.metrics().parked(SessionState.UNAVAILABLE);
        recording
            .penalties()
            .parkUnavailable(
                cycle.accountId(),
                sender.id(),
                environment.clock().instant().plus(action.coolDown()),
                action.reason());
        return false;
      }
      environment.metrics().parked(SessionState.NEEDS_LOGIN);
      boolean replaced =
          recording
              .penalties()
              .parkNeedsLoginAndReplace(cycle.accountId(), sender.id(), action.reason())
              .isPresent();
      LOG.log(
          Level.WARNING,
          "Session {0} needs a new login ({1}): it leaves account {2} until an admin logs it in",
          new Object[] {
            String.valueOf(sender.id()), action.reason(), String.valueOf(cycle.accountId())
          });
      return replaced;
    }

    /**
     * This lane's sender cannot go on (a flood wait, a ban, parked): when it leaves chats not yet
     * posted and another sender may post them (the replacement the pool just gave, or another of
     * this cycle's senders that is not barred from one of them), the cycle is handed back as after
     * a change of terms. The other lanes end at their next post, after their delay, and the
     * continuation, due one delay between posts later (the account's posts stay that far apart),
     * deals the chats left among the senders the account has now. Where the sender sent nothing
     * ({@link SendOutcome#retryableByAnotherSender}: Telegram refused it, or a session could not
     * send from here before the message reached TDLib), the chat it met the fault in is left too
     * (its record is reopened once): a flood wait, a ban or a session not open here costs the cycle
     * no post. A park after the message reached TDLib leaves its chat to the next cycle (TDLib may
     * have sent it). The tenant's own bot hands nothing over (a refused token stays refused), and
     * with no other sender the chats wait for the next cycle.
     */
    private void senderLost(int index, SendOutcome result, boolean replaced) {
      sendersLost.add(sender);
      int firstLeft = result.retryableByAnotherSender() ? index : index + 1;
      List<ChatReference> left = chats.subList(firstLeft, chats.size());
      if (!left.isEmpty()
          && sender.kind() == Sender.Kind.SESSION
          && (replaced || anotherSenderMayPost(left))) {
        handBackDelay = jittered(cycle.delayBetweenPosts());
        outdated = true;
        ended = true;
      }
      laneDone();
    }

    /**
     * Whether a sender of this cycle still going may post one of {@code left}. A warming session
     * that used its hour's budget is no longer among the claim's senders; it is counted here
     * anyway, which at worst hands back a cycle whose continuation finds nothing to do.
     */
    private boolean anotherSenderMayPost(List<ChatReference> left) {
      for (Sender other : senders) {
        if (sendersLost.contains(other)) {
          continue;
        }
        for (ChatReference chat : left) {
          if (targets.place(other, chat) != CyclePlan.Place.BARRED) {
            return true;
          }
        }
      }
      return false;
    }

    private void next(int index) {
      if (index + 1 >= chats.size()) {
        laneDone();
        return;
      }
      long delayMs =
          Math.max(
              jittered(cycle.delayBetweenPosts()).toMillis(),
              environment.senderInterval().toMillis());
      if (delayMs == 0) {
        post(index + 1);
      } else {
        environment.executor().schedule(() -> post(index + 1), delayMs, TimeUnit.MILLISECONDS);
      }
    }
  }
}
