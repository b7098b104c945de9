package dev.herald.api.bot;

import dev.herald.domain.bot.BotState;
import dev.herald.domain.bot.SenderLabel;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /bot/state}: the names the dashboards of the replaced system already read, with each
 * sender's transport and dry-run label. {@code dry_run} is true when any of the bot's senders posts
 * nowhere real; {@code resumes_at} says when an idle bot posts again by itself. {@code
 * pause_reason} ({@code OUTSIDE_ACTIVE_HOURS}, {@code DAILY_CAP}) says why a running bot is idle by
 * its schedule; {@code next_window} is the active-hours window it posts in now or next; {@code
 * plan_cuts} what the plan's current limits cut from its configuration.
 */
public record BotStateView(
    String status,
    String stopReason,
    boolean isIdle,
    Instant resumesAt,
    String lastErrorReason,
    Instant nextRunAt,
    List<SenderView> senders,
    String transport,
    boolean dryRun,
    String pauseReason,
    WindowView nextWindow,
    List<String> planCuts) {

  /** An active-hours window: posting is allowed from {@code starts_at} until {@code ends_at}. */
  public record WindowView(Instant startsAt, Instant endsAt) {}

  /**
   * One sender: {@code name} as before ({@code user-bot @name}, {@code session#7 +44***12}), its
   * kind, the transport its posts go through, whether that is a dry run, and whether it can send
   * now (else when it can again by itself, and why not).
   */
  public record SenderView(
      String name,
      String kind,
      String transport,
      boolean dryRun,
      boolean available,
      Instant availableAt,
      String note) {

    static SenderView of(SenderLabel s) {
      return new SenderView(
          s.name(),
          s.kind().name(),
          s.transport(),
          s.dryRun(),
          s.available(),
          s.availableAt(),
          s.note());
    }
  }

  public static BotStateView of(BotState state) {
    return new BotStateView(
        state.status().name(),
        state.stopReason() == null ? null : state.stopReason().name(),
        state.idle(),
        state.resumesAt(),
        state.lastErrorReason(),
        state.nextRunAt(),
        state.senders().stream().map(SenderView::of).toList(),
        state.transport(),
        state.dryRun(),
        state.pauseReason() == null ? null : state.pauseReason().name(),
        state.nextWindow() == null
            ? null
            : new WindowView(state.nextWindow().start(), state.nextWindow().end()),
        state.planCuts());
  }
}
