package dev.herald.api.bot;

import dev.herald.domain.targets.TargetError;
import dev.herald.domain.targets.TargetOverview;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * One item of {@code GET /bot/targets}: the group as configured, its title once resolved, its slow
 * mode, when a post last reached it, and each sender's membership, next allowed post and last error
 * (a code and a sentence saying what to do). {@code next_post_at} and {@code last_error} are
 * written as {@code null} when there is none, so every sender has the same fields.
 */
public record TargetView(
    String chat,
    @JsonbNillable String title,
    boolean resolved,
    int slowModeSeconds,
    @JsonbNillable Instant lastDeliveredAt,
    List<SenderView> senders) {

  /** One sender's standing in the group. */
  public record SenderView(
      String sender,
      String transport,
      String membership,
      @JsonbNillable Instant nextPostAt,
      @JsonbNillable ErrorView lastError) {}

  /** Why the sender cannot post there, and what to do. */
  public record ErrorView(String code, String message) {
    static ErrorView of(TargetError error) {
      return new ErrorView(error.code(), error.message());
    }
  }

  static TargetView of(TargetOverview target) {
    return new TargetView(
        target.chat(),
        target.title().orElse(null),
        target.resolved(),
        target.slowModeSeconds(),
        target.lastDeliveredAt().orElse(null),
        target.senders().stream()
            .map(
                sender ->
                    new SenderView(
                        sender.sender(),
                        sender.transport(),
                        sender.membership().name(),
                        sender.nextPostAt().orElse(null),
                        sender.lastError().map(ErrorView::of).orElse(null)))
            .toList());
  }
}
