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
