package dev.herald.domain.events;

import java.util.List;
import java.util.Set;

/**
 * New activity entries and deliveries of some accounts, each list in cursor order per account.
 * {@code heldBack} names the accounts with rows not handed out yet because an older transaction was
 * still open: read them again shortly.
 */
public record StoredEvents(
    List<ActivityEvent> activities, List<DeliveryEvent> deliveries, Set<Long> heldBack) {}
