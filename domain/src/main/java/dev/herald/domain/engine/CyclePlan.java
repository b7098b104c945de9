package dev.herald.domain.engine;

import dev.herald.domain.telegram.ChatReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Who posts where in a cycle: the groups are dealt to at most {@code maxInFlight} senders, so each
 * sender posts its share one after another and the account never has more than {@code maxInFlight}
 * posts in flight (SPEC rule 7).
 */
public final class CyclePlan {

  private CyclePlan() {}

  /** Where a sender stands with a chat, as far as the records tell. */
  public enum Place {
    /** A member, or its join request waits there. */
    IN,
    /** Nothing known against it: it may post there, joining first if it must. */
    OPEN,
    /** It cannot post there: banned, read-only for it, or a bot that was not added. */
    BARRED
  }

  /** {@code shares.get(i)} is the list of chats sender {@code i} posts to, in order. */
  public static List<List<ChatReference>> shares(
      List<ChatReference> groups, int senders, int maxInFlight) {
    return shares(groups, senders, maxInFlight, (sender, chat) -> Place.OPEN);
  }

  /**
   * {@code shares.get(i)} is the list of chats sender {@code i} posts to, in the groups' order. A
   * chat stays with a sender {@link Place#IN} it (the chats fewest senders are in placed first), of
   * those the one with the fewest chats so far, as long as its share is under its fair part (the
   * groups divided by the senders, rounded up); the other chats are dealt round-robin to the shares
   * with the fewest chats among the senders not {@link Place#BARRED} from them (among all when
   * every one is: the chat then waits and says why).
   *
   * <p>Why: Telegram counts joins and new chats per account, so a chat dealt to another sender
   * whenever a sender sits a cycle out (a flood wait, a spent warm-up hour) or a group is added
   * would be joined by every sender in turn, each join a risk and one of the account's 500 chats;
   * and a chat dealt to a sender that cannot post there (a tenant's bot not added to it, a session
   * banned there) would wait at every cycle while another could post it. The fair part still
   * spreads the groups over a sender added later.
   */
  public static List<List<ChatReference>> shares(
      List<ChatReference> groups,
      int senders,
      int maxInFlight,
      BiFunction<Integer, ChatReference, Place> place) {
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
    Place[][] places = new Place[groups.size()][lanes];
    int[] senderCount = new int[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      for (int lane = 0; lane < lanes; lane++) {
        places[g][lane] = place.apply(lane, groups.get(g));
        if (places[g][lane] == Place.IN) {
          senderCount[g]++;
        }
      }
    }
    // The groups only one sender is in are placed first, then those two are in, and so on: a
    // sender back from a cycle out finds the groups only it was in still free for it, instead of
    // seeing others (in them too since they were lent) take them and having to join theirs.
    Integer[] byChoice = new Integer[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      byChoice[g] = g;
    }
    Arrays.sort(byChoice, Comparator.comparingInt(g -> senderCount[g]));
    int[] laneOf = new int[groups.size()];
    Arrays.fill(laneOf, -1);
    int[] counts = new int[lanes];
    for (int g : byChoice) {
      for (int lane = 0; lane < lanes; lane++) {
        boolean fewer = laneOf[g] < 0 || counts[lane] < counts[laneOf[g]];
        if (fewer && counts[lane] < fairPart && places[g][lane] == Place.IN) {
          laneOf[g] = lane;
        }
      }
      if (laneOf[g] >= 0) {
        counts[laneOf[g]]++;
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      if (laneOf[g] < 0) {
        laneOf[g] = fewest(counts, places[g]);
        counts[laneOf[g]]++;
      }
      shares.get(laneOf[g]).add(groups.get(g));
    }
    return shares;
  }

  /** The lane with the fewest chats among those not barred from the chat, else among all. */
  private static int fewest(int[] counts, Place[] places) {
    int fewest = -1;
    for (int lane = 0; lane < counts.length; lane++) {
      if (places[lane] != Place.BARRED && (fewest < 0 || counts[lane] < counts[fewest])) {
        fewest = lane;
      }
    }
    if (fewest >= 0) {
      return fewest;
    }
    fewest = 0;
    for (int lane = 1; lane < counts.length; lane++) {
      if (counts[lane] < counts[fewest]) {
        fewest = lane;
      }
    }
    return fewest;
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
