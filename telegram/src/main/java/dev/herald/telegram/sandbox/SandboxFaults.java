package dev.herald.telegram.sandbox;

import dev.herald.telegram.config.TelegramSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The sandbox's current faults, changeable while the server runs (tests, demos, an admin hook) and
 * reset to the configured plan with {@link #reset()}. The random source is seeded so a run with the
 * same seed and the same sends bans the same posts.
 */
@ApplicationScoped
public class SandboxFaults {

  private final AtomicReference<FaultPlan> plan = new AtomicReference<>(FaultPlan.none());
  private final AtomicReference<FaultPlan> configured = new AtomicReference<>(FaultPlan.none());
  private final AtomicInteger sendTwice = new AtomicInteger();
  private Random random = new Random(42);

  @Inject TelegramSettings settings;

  public SandboxFaults() {}

  /** For use without CDI (tests). */
  public SandboxFaults(FaultPlan initial, long seed) {
    configured.set(Objects.requireNonNull(initial, "initial"));
    plan.set(initial);
    random = new Random(seed);
  }

  @PostConstruct
  void load() {
    configured.set(settings.sandboxPlan());
    plan.set(settings.sandboxPlan());
    random = new Random(settings.sandboxSeed());
  }

  public FaultPlan plan() {
    return plan.get();
  }

  /**
   * This bean itself, not the CDI client proxy it is injected as: the sandbox gateway reads the
   * plan on every send, and each call through the proxy costs thread-local look-ups and a
   * reflective call. The instance is the application's one for its whole life; the bean has no
   * interceptors.
   */
  SandboxFaults instance() {
    return this;
  }

  public void update(UnaryOperator<FaultPlan> change) {
    plan.updateAndGet(change);
  }

  public void setForbiddenChats(List<String> chats) {
    update(current -> current.withForbiddenChats(chats));
  }

  /**
   * The next {@code sends} cycle sends are sent twice, on purpose: the fault that proves a
   * duplicate counter can see a duplicate (SPEC rule 17). Replaces what was left of an earlier
   * request.
   */
  public void sendTwice(int sends) {
    if (sends < 0) {
      throw new IllegalArgumentException("The number of sends to send twice must be >= 0");
    }
    sendTwice.set(sends);
  }

  /** How many sends are still to be sent twice. */
  public int sendTwicePending() {
    return sendTwice.get();
  }

  /** True (once per request) when this send is to be sent twice. */
  boolean takeSendTwice() {
    return sendTwice.get() > 0 && sendTwice.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** Back to what configuration says. */
  public void reset() {
    plan.set(configured.get());
  }

  /** Draws the next ban decision; synchronized because {@link Random}'s sequence is shared. */
  synchronized boolean drawBan(double probability) {
    return probability > 0 && random.nextDouble() < probability;
  }
}
