package dev.herald.telegram.botapi;

import static dev.herald.telegram.botapi.FakeBotApi.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.userbot.UserBotRequests;
import dev.herald.domain.userbot.UserBotRequests.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user bot's requests at the limits its admin set, against a local Bot API server that records
 * when each request arrived and how many it had in hand at once.
 */
class UserBotThrottleTest extends FakeBotApiTest {

  private static final ChatReference CHAT = ChatReference.parse("@herald_demo");

  /** The stored limits and counts, in memory. */
  static final class MemoryRequests implements UserBotRequests {
    final Map<Long, Limits> limits = new ConcurrentHashMap<>();
    final Map<Long, Long> counted = new ConcurrentHashMap<>();

    @Override
    public Optional<Limits> limitsOf(long accountId) {
      return Optional.ofNullable(limits.get(accountId));
    }

    @Override
    public void count(long accountId, long requests) {
      counted.merge(accountId, requests, Long::sum);
    }
  }

  private final MemoryRequests stored = new MemoryRequests();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final UserBotThrottle throttle = new UserBotThrottle(stored, scheduler, System::nanoTime);

  private BotApiGateway gateway;

  /**
   * One gateway (one HTTP client) per test, warmed by a call of another bot: the arrivals measured
   * then carry no first connection's set-up.
   */
  @BeforeEach
  void warmGateway() {
    telegram.ok("sendMessage", "{\"message_id\":7}");
    gateway = telegram.gateway(Duration.ofSeconds(10)).pacedBy(throttle);
    gateway.send(Sender.userBot(99, TOKEN), CHAT, Post.text("warm"));
    telegram.arrivals().clear();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private List<SendOutcome> sendAtOnce(int posts, long... accounts) {
    telegram.ok("sendMessage", "{\"message_id\":7}");
    List<CompletableFuture<SendOutcome>> sent =
        IntStream.range(0, posts)
            .mapToObj(
                i ->
                    gateway
                        .sendAsync(
                            Sender.userBot(accounts[i % accounts.length], TOKEN),
                            CHAT,
                            Post.text("post " + i))
                        .toCompletableFuture())
            .toList();
    return sent.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void aBotsRequestsStartNoFasterThanItsRate() {
    stored.limits.put(1L, new Limits(2, 10));

    List<SendOutcome> outcomes = sendAtOnce(5, 1);

    assertEquals(List.of(new SendOutcome.Delivered(7)), outcomes.stream().distinct().toList());
    List<Long> arrivals = telegram.arrivals();
    for (int i = 1; i < arrivals.size(); i++) {
      long gapMs = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
      assertTrue(gapMs >= 400, "2 a second: request " + i + " came " + gapMs + " ms after");
    }
  }

  @Test
  void noMoreOfABotsRequestsThanItsLimitAreInFlight() {
    stored.limits.put(1L, new Limits(30, 2));
    telegram.slow(Duration.ofMillis(300));

    sendAtOnce(6, 1);

    assertEquals(2, telegram.mostInFlight(), "2 at once, and no more");
  }

  @Test
  void anIdleBotsNextRequestsAreStillASecondApart() throws Exception {
    stored.limits.put(1L, new Limits(1, 1));
    sendAtOnce(1, 1);
    Thread.sleep(1_700); // idle across a second's boundary: no burst of two after it

    sendAtOnce(2, 1);

    List<Long> arrivals = telegram.arrivals();
    long gapMs = (arrivals.get(2) - arrivals.get(1)) / 1_000_000;
    assertTrue(gapMs >= 900, "1 a second: the second came " + gapMs + " ms after the first");
  }

  @Test
  void aRequestThatFailsToStartAnswersAndFreesItsPlace() {
    stored.limits.put(5L, new Limits(2, 1));
    Supplier<CompletableFuture<BotApiResponse>> broken =
        () -> {
          throw new IllegalStateException("no request built");
        };

    BotApiResponse now = throttle.call(5, broken).orTimeout(5, TimeUnit.SECONDS).join();
    BotApiResponse later = throttle.call(5, broken).orTimeout(5, TimeUnit.SECONDS).join();
    BotApiResponse next =
        throttle
            .call(5, () -> CompletableFuture.completedFuture(BotApiResponse.noAnswer("sent")))
            .orTimeout(5, TimeUnit.SECONDS)
            .join();

    assertTrue(!now.ok() && !later.ok(), "answered as not sent: " + now + ", " + later);
    assertEquals("sent", next.description(), "its place in flight was given back");
  }

  @Test
  void anotherBotIsNotHeldBackByABotAtItsLimit() {
    stored.limits.put(1L, new Limits(1, 1));
    stored.limits.put(2L, new Limits(1, 1));

    sendAtOnce(2, 1, 2);

    List<Long> arrivals = telegram.arrivals();
    long gapMs = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
    assertTrue(gapMs < 900, "each bot's own second: " + gapMs + " ms apart");
  }

  @Test
  void anAdminsNewLimitsApplyAtTheNextRefreshAndTheRequestsAreCounted() {
    assertEquals(Limits.DEFAULT, throttle.limitsOf(1), "none stored: the defaults");
    sendAtOnce(3, 1);
    stored.limits.put(1L, new Limits(5, 3));

    assertEquals(Limits.DEFAULT, throttle.limitsOf(1), "kept until the refresh");
    assertEquals(null, stored.counted.get(1L));
    throttle.refresh();

    assertEquals(new Limits(5, 3), throttle.limitsOf(1));
    assertEquals(3L, stored.counted.get(1L));
    sendAtOnce(2, 1);
    throttle.countAll();
    assertEquals(5L, stored.counted.get(1L), "the rest when the node stops");
  }
}
