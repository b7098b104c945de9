package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dry-run transport. Decides an outcome from the current {@link FaultPlan}, records it, and
 * answers after the simulated latency without holding a thread ({@link #sendAsync}); only the
 * blocking {@link #send} waits. {@code @Typed} keeps it out of plain {@code TelegramGateway}
 * injection, which the transport router owns.
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
public class SandboxGateway implements TelegramGateway {

  private final AtomicLong messageIds = new AtomicLong(1000);
  private final SandboxRecorder recorder = new SandboxRecorder(1000);
  private final SandboxDelays delays = new SandboxDelays();
  private SandboxFaults faults;
  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  public SandboxGateway() {}

  @Inject
  public SandboxGateway(SandboxFaults faults) {
    this.faults = faults;
  }

  public SandboxGateway(SandboxFaults faults, Clock clock) {
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public String transport() {
    return "sandbox";
  }

  @Override
  public boolean dryRun() {
    return true;
  }

  @Override
  public SendOutcome send(Sender sender, ChatReference chat, Post post) {
    return sendAsync(sender, chat, post).toCompletableFuture().join();
  }

  @Override
  public CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
    FaultPlan plan = faults.plan();
    SendOutcome outcome = decide(plan, sender, chat);
    recorder.record(new SandboxDelivery(clock.instant(), sender, chat, post, outcome));
    return delays.after(plan.latency(), outcome);
  }

  private SendOutcome decide(FaultPlan plan, Sender sender, ChatReference chat) {
    if (plan.forbids(chat)) {
      return new SendOutcome.ChatForbidden("sandbox: chat " + chat + " is configured as forbidden");
    }
    long count = recorder.countFor(sender);
    if (plan.floodWaitEvery() > 0 && count % plan.floodWaitEvery() == 0) {
      return new SendOutcome.FloodWait(plan.floodWait());
    }
    if (faults.drawBan(plan.banProbability())) {
      return new SendOutcome.SenderBanned("sandbox: injected ban");
    }
    return new SendOutcome.Delivered(messageIds.incrementAndGet());
  }

  /** The most recent posts, oldest first (bounded). */
  public java.util.List<SandboxDelivery> sent() {
    return recorder.recent();
  }

  /** How many posts ended with each outcome code ({@code DELIVERED}, {@code FLOOD_WAIT}, ...). */
  public java.util.Map<String, Long> counters() {
    return recorder.counters();
  }

  public void clear() {
    recorder.clear();
  }

  @PreDestroy
  void close() {
    delays.close();
  }
}
