package dev.herald.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.telegram.ChatReference;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CyclePlanTest {

  private static List<ChatReference> groups(int n) {
    return IntStream.range(0, n).mapToObj(i -> ChatReference.parse("@group_" + i)).toList();
  }

  @Test
  void groupsAreDealtRoundRobinToTheSenders() {
    var shares = CyclePlan.shares(groups(5), 2, 7);
    assertEquals(2, shares.size());
    assertEquals(
        List.of("@group_0", "@group_2", "@group_4"),
        shares.get(0).stream().map(Object::toString).toList());
    assertEquals(
        List.of("@group_1", "@group_3"), shares.get(1).stream().map(Object::toString).toList());
  }

  private static List<List<String>> named(List<List<ChatReference>> shares) {
    return shares.stream().map(share -> share.stream().map(Object::toString).toList()).toList();
  }

  /** Sender {@code lane} has a place in the groups numbered {@code in[lane]}. */
  private static List<List<String>> dealt(int groups, int[]... in) {
    return named(
        CyclePlan.shares(
            groups(groups),
            in.length,
            7,
            (lane, chat) ->
                IntStream.of(in[lane]).anyMatch(g -> chat.toString().equals("@group_" + g))
                    ? CyclePlan.Place.IN
                    : CyclePlan.Place.OPEN));
  }

  @Test
  void aChatStaysWithTheSenderThatIsInItAndTheRestAreDealt() {
    assertEquals(
        List.of(
            List.of("@group_1", "@group_3", "@group_4"),
            List.of("@group_0", "@group_2", "@group_5")),
        dealt(6, new int[] {1, 3}, new int[] {0}));
  }

  @Test
  void aSenderSittingACycleOutMovesOnlyItsOwnChats() {
    // Three senders were in two groups each (round-robin); the second sits this cycle out.
    assertEquals(
        List.of(
            List.of("@group_0", "@group_1", "@group_3"),
            List.of("@group_2", "@group_4", "@group_5")),
        dealt(6, new int[] {0, 3}, new int[] {2, 5}),
        "@group_0, 3, 2 and 5 stay; round-robin would have moved four of six");
  }

  @Test
  void aSenderBackFromACycleOutGetsItsGroupsBackWhateverTheirOrder() {
    // Dealt in blocks (0-2, 3-5, 6-8); sender 0 sat a cycle out and lent 0 and 2 to sender 1 and
    // 1 to sender 2, who joined them. Back, it gets all three again, and nobody joins anything.
    assertEquals(
        List.of(
            List.of("@group_0", "@group_1", "@group_2"),
            List.of("@group_3", "@group_4", "@group_5"),
            List.of("@group_6", "@group_7", "@group_8")),
        dealt(9, new int[] {0, 1, 2}, new int[] {0, 2, 3, 4, 5}, new int[] {1, 6, 7, 8}));
  }

  @Test
  void aSenderAddedLaterGetsItsFairPart() {
    assertEquals(
        List.of(List.of("@group_0", "@group_1"), List.of("@group_2", "@group_3")),
        dealt(4, new int[] {0, 1, 2, 3}, new int[] {}));
  }

  @Test
  void aChatGoesToASenderThatCanPostThereAndWaitsOnlyWhenNoneCan() {
    // Sender 0 (a tenant's bot) was not added to @group_1 or @group_2; nobody can post in @group_3.
    var shares =
        CyclePlan.shares(
            groups(4),
            2,
            7,
            (lane, chat) ->
                switch (chat.toString()) {
                  case "@group_1", "@group_2" ->
                      lane == 0 ? CyclePlan.Place.BARRED : CyclePlan.Place.OPEN;
                  case "@group_3" -> CyclePlan.Place.BARRED;
                  default -> CyclePlan.Place.OPEN;
                });
    assertEquals(
        List.of(List.of("@group_0", "@group_3"), List.of("@group_1", "@group_2")), named(shares));
  }

  @Test
  void aChatTheLanesCannotPostInGoesToASenderBeyondThemInAShareOfItsOwn() {
    // One post in flight: one lane, sender 0's (a tenant's bot), barred from @group_1, which
    // sender 1 is barred from too and sender 2 is not; nobody can post in @group_2.
    var shares =
        CyclePlan.shares(
            groups(3),
            3,
            1,
            (sender, chat) ->
                switch (chat.toString()) {
                  case "@group_1" -> sender < 2 ? CyclePlan.Place.BARRED : CyclePlan.Place.OPEN;
                  case "@group_2" -> CyclePlan.Place.BARRED;
                  default -> CyclePlan.Place.OPEN;
                });
    assertEquals(
        List.of(List.of("@group_0", "@group_2"), List.of(), List.of("@group_1")), named(shares));
  }

  @Test
  void beyondTheLanesASenderInTheChatIsPreferred() {
    // Two lanes of four senders, both barred from @group_3; sender 3 is in it, sender 2 is not.
    var shares =
        CyclePlan.shares(
            groups(4),
            4,
            2,
            (sender, chat) ->
                !chat.toString().equals("@group_3")
                    ? CyclePlan.Place.OPEN
                    : switch (sender) {
                      case 0, 1 -> CyclePlan.Place.BARRED;
                      case 2 -> CyclePlan.Place.OPEN;
                      default -> CyclePlan.Place.IN;
                    });
    assertEquals(
        List.of(
            List.of("@group_0", "@group_2"), List.of("@group_1"), List.of(), List.of("@group_3")),
        named(shares));
  }

  @Test
  void neverMoreLanesThanThePlanAllowsInFlight() {
    assertEquals(3, CyclePlan.shares(groups(20), 7, 3).size());
  }

  @Test
  void noLaneWithoutAGroupOrWithoutASender() {
    assertEquals(2, CyclePlan.shares(groups(2), 7, 7).size());
    assertEquals(0, CyclePlan.shares(groups(4), 0, 7).size());
    assertEquals(0, CyclePlan.shares(groups(0), 3, 7).size());
  }

  @Test
  void aShareLargerThanTheWarmUpBudgetTakesTurnsHourByHour() {
    List<ChatReference> share = groups(5);
    Set<ChatReference> posted = new HashSet<>();
    for (long hour = 1000; hour < 1003; hour++) {
      List<ChatReference> turn = CyclePlan.inTurn(share, 2, hour);
      assertEquals(5, turn.size(), "the whole share, turned");
      assertEquals(Set.copyOf(share), Set.copyOf(turn));
      posted.addAll(turn.subList(0, 2));
    }
    assertEquals(5, posted.size(), "three hours of 2 posts reach all 5 groups");
    assertEquals(
        List.of("@group_2", "@group_3", "@group_4", "@group_0", "@group_1"),
        CyclePlan.inTurn(share, 2, 1).stream().map(Object::toString).toList());
  }

  @Test
  void aShareTheBudgetCoversKeepsItsOrder() {
    assertEquals(groups(3), CyclePlan.inTurn(groups(3), 3, 7));
    assertEquals(groups(3), CyclePlan.inTurn(groups(3), Integer.MAX_VALUE, 7));
  }
}
