package dev.herald.domain.engine;

import dev.herald.domain.telegram.ChatReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Who posts where in a cycle: the groups are dealt to at most {@code maxInFlight} senders, so each
 * sender posts its share one after another and the account never has more than {@code maxInFlight}
 * posts in flight (SPEC rule 7).
 */
public final class CyclePlan {

  private CyclePlan() {}

  /** {@code shares.get(i)} is the list of chats sender {@code i} posts to, in order. */
  public static List<List<ChatReference>> shares(
      List<ChatReference> groups, int senders, int maxInFlight) {
    return shares(groups, senders, maxInFlight, (sender, chat) -> false);
  }

  /**
   * {@code shares.get(i)} is the list of chats sender {@code i} posts to, in the groups' order. A
   * chat stays with a sender that has a place in it ({@code placedIn}: a member, or a join request
   * waiting), of those the one with the fewest chats so far, as long as its share is under its fair
   * part (the groups divided by the senders, rounded up); the other chats are dealt round-robin to
   * the shares with the fewest chats. Why: Telegram counts joins and new chats per account, so a
   * chat dealt to another sender whenever a sender sits a cycle out (a flood wait, a spent warm-up
   * hour) or a group is added would be joined by every sender in turn, each join a risk and one of
   * the account's 500 chats; the fair part still spreads the groups over a sender added later.
   */
  public static List<List<ChatReference>> shares(
      List<ChatReference> groups,
      int senders,
      int maxInFlight,
      BiPredicate<Integer, ChatReference> placedIn) {
    int lanes = Math.min(Math.min(senders, maxInFlight), groups.size());
    List<List<ChatReference>> shares = new ArrayList<>(lanes);
    for (int i = 0; i < lanes; i++) {
      shares.add(new ArrayList<>());
    }
    if (lanes <= 1) {
      shares.forEach(share -> share.addAll(groups)); // one sender, or none: nothing to choose
      return shares;
    }
    int fairPart = (groups.size() + lanes - 1) / lanes;
    int[] laneOf = new int[groups.size()];
    int[] counts = new int[lanes];
    for (int g = 0; g < groups.size(); g++) {
      laneOf[g] = -1;
      for (int lane = 0; lane < lanes; lane++) {
        boolean fewer = laneOf[g] < 0 || counts[lane] < counts[laneOf[g]];
        if (fewer && counts[lane] < fairPart && placedIn.test(lane, groups.get(g))) {
          laneOf[g] = lane;
        }
      }
      if (laneOf[g] >= 0) {
        counts[laneOf[g]]++;
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      if (laneOf[g] < 0) {
        int fewest = 0;
        for (int lane = 1; lane < lanes; lane++) {
          if (counts[lane] < counts[fewest]) {
            fewest = lane;
          }
        }
        laneOf[g] = fewest;
        counts[fewest]++;
      }
      shares.get(laneOf[g]).add(groups.get(g));
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
