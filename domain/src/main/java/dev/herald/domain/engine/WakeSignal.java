package dev.herald.domain.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes this node's scheduler when due work appears (a bot started), so a new cycle starts within
 * milliseconds instead of at the next poll. The signal fires after the transaction commits, when
 * the scheduler can see the change. Other nodes find the work at their next poll.
 */
@ApplicationScoped
public class WakeSignal {

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  private volatile Runnable listener = () -> {};

  /** Called by the scheduler once it runs. */
  public void onWake(Runnable listener) {
    this.listener = listener;
  }

  /** Wakes the scheduler after the current transaction commits (at once without one). */
  public void afterCommit() {
    if (transactions == null || transactions.getTransactionKey() == null) {
      listener.run();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              listener.run();
            }
          }
        });
  }
}
