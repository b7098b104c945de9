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

  /**
   * The order a sender posts its share in when its warm-up lets it start fewer posts than the share
   * holds: the share turned to start where the previous hour's budget ended ({@code hour} counts
   * hours since the epoch), so that over the hours every group gets its turn instead of the first
   * ones every hour. A share the budget covers keeps its order.
   */
  public static List<ChatReference> inTurn(List<ChatReference> share, int postsLeft, long hour) {
    if (postsLeft >= share.size() || postsLeft <= 0) {
      return share;
    }
    int start = (int) Math.floorMod(hour * postsLeft, (long) share.size());
    List<ChatReference> turned = new ArrayList<>(share.subList(start, share.size()));
    turned.addAll(share.subList(0, start));
    return turned;
  }
}
