package dev.herald.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.telegram.ChatReference;
import java.util.List;
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
}
