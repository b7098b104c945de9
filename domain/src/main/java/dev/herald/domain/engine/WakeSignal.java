package dev.herald.domain.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Wakes this node's scheduler when due work appears (a bot started), so a new cycle starts within
 * milliseconds instead of at the next poll. The wake-up is a transactional observer: it runs after
 * the transaction commits, when the scheduler can see the change (and never for a rollback). Other
 * nodes find the work at their next poll.
 */
@ApplicationScoped
public class WakeSignal {

  /** A bot became due now. */
  public record DueWorkAppeared(long accountId) {}

  @Inject Event<DueWorkAppeared> events;

  private volatile Runnable listener = () -> {};

  /** Called by the scheduler once it runs. */
  public void onWake(Runnable listener) {
    this.listener = listener;
  }

  /** Wakes the scheduler after the current transaction commits (at once without one). */
  public void afterCommit(long accountId) {
    events.fire(new DueWorkAppeared(accountId));
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) DueWorkAppeared due) {
    listener.run();
  }
}
