package dev.herald.domain.delivery;

import java.util.List;

/** Reads an account's delivery records. The engine writes them. */
public interface DeliveryHistory {

  /** Attempts older than {@code beforeId} (from the newest when null), at most {@code limit}. */
  List<DeliveryAttempt> page(long accountId, Long beforeId, int limit);
}
