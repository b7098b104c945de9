package dev.herald.domain.engine;

import dev.herald.domain.telegram.ChatReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Who posts where in a cycle: the groups are dealt to at most {@code maxInFlight} senders (the
 * lanes), so each sender posts its share one after another and the account never has more than
 * {@code maxInFlight} posts in flight (SPEC rule 7). A cycle runs at most {@code maxInFlight}
 * shares at once; one beyond them (see {@link #shares(List, int, int, BiFunction)}) starts when a
 * lane ends.
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
   * with the fewest chats among the senders not {@link Place#BARRED} from them. A chat every lane's
   * sender is barred from goes to a sender beyond the lanes that is not, in a share of its own
   * after the lanes' (so the list may hold more shares than {@code maxInFlight}, and a sender
   * between may have an empty one); when no sender can post there, it stays dealt, waits and says
   * why.
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
    if (lanes == 0) {
      return shares;
    }
    if (lanes == 1) {
      shares.get(0).addAll(groups); // one lane: nothing to deal
      return overflow(shares, senders, place);
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
    return overflow(shares, senders, place);
  }

  /**
   * The chats the dealt lanes' senders are all {@link Place#BARRED} from move to a sender beyond
   * them that is not (one {@link Place#IN} it first, else the first in order): its share is added
   * after the dealt ones, at the sender's index, and runs when a lane ends, so no more than the
   * dealt lanes post at once. Without it a one-lane cycle (one group, or a plan allowing one post
   * in flight) gave every chat to its first sender, the tenant's bot when it has one, and a chat
   * the bot cannot post in (an invite link, a group it was not added to) waited at every cycle
   * while a session could post it.
   */
  private static List<List<ChatReference>> overflow(
      List<List<ChatReference>> shares,
      int senders,
      BiFunction<Integer, ChatReference, Place> place) {
    int lanes = shares.size();
    if (senders <= lanes) {
      return shares;
    }
    for (int lane = 0; lane < lanes; lane++) {
      for (var chats = shares.get(lane).iterator(); chats.hasNext(); ) {
        ChatReference chat = chats.next();
        if (place.apply(lane, chat) != Place.BARRED) {
          continue;
        }
        int to = beyond(lanes, senders, chat, place);
        if (to >= 0) {
          while (shares.size() <= to) {
            shares.add(new ArrayList<>());
          }
          shares.get(to).add(chat);
          chats.remove();
        }
      }
    }
    return shares;
  }

  /** The sender after the dealt lanes to take a chat they are barred from, or -1 when none can. */
  private static int beyond(
      int lanes, int senders, ChatReference chat, BiFunction<Integer, ChatReference, Place> place) {
    int open = -1;
    for (int sender = lanes; sender < senders; sender++) {
      Place where = place.apply(sender, chat);
      if (where == Place.IN) {
        return sender;
      }
      if (where == Place.OPEN && open < 0) {
        open = sender;
      }
    }
    return open;
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
