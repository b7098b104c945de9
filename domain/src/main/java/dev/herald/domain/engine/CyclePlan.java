package dev.herald.domain.engine;

import dev.herald.domain.telegram.ChatReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Who posts where in a cycle: the groups are dealt round-robin to at most {@code maxInFlight}
 * senders, so each sender posts its share one after another and the account never has more than
 * {@code maxInFlight} posts in flight (SPEC rule 7).
 */
public final class CyclePlan {

  private CyclePlan() {}

  /** {@code shares.get(i)} is the list of chats sender {@code i} posts to, in order. */
  public static List<List<ChatReference>> shares(
      List<ChatReference> groups, int senders, int maxInFlight) {
    int lanes = Math.min(Math.min(senders, maxInFlight), groups.size());
    List<List<ChatReference>> shares = new ArrayList<>(lanes);
    for (int i = 0; i < lanes; i++) {
      shares.add(new ArrayList<>());
    }
    for (int i = 0; i < groups.size() && lanes > 0; i++) {
      shares.get(i % lanes).add(groups.get(i));
    }
    return shares;
  }
}
