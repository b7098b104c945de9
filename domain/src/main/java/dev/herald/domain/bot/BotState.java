package dev.herald.domain.bot;

import dev.herald.domain.schedule.ActiveHours;
import java.time.Instant;
import java.util.List;

/**
 * What a tenant sees of their bot: status and why it is not running, whether it is running but idle
 * (nothing it can send with or to, and when it resumes by itself), the last error, the next cycle,
 * its senders each with its transport, and whether any of them is a dry run.
 *
 * @param idle running, but no cycle can post now: the configuration is incomplete, or every sender
 *     is cooling down or unavailable
 * @param resumesAt when an idle bot can post again by itself (the earliest end of its senders'
 *     flood waits); null when it is not idle or only the tenant or an admin can change it
 * @param transport the transport of the bot's senders, {@code mixed} when they differ
 * @param dryRun true when any of the bot's senders posts nowhere real (see each sender's own)
 * @param pauseReason why a running bot is idle by its schedule (then {@code resumesAt} is when it
 *     posts again); null when it is not
 * @param nextWindow the active-hours window the bot posts in now or next; null without active hours
 * @param planCuts what the plan's current limits cut from the configuration ({@link PlanCuts})
 */
public record BotState(
    BotStatus status,
    StopReason stopReason,
    boolean idle,
    Instant resumesAt,
    String lastErrorReason,
    Instant nextRunAt,
    List<SenderLabel> senders,
    String transport,
    boolean dryRun,
    PauseReason pauseReason,
    ActiveHours.Window nextWindow,
    List<String> planCuts) {

  public BotState {
    planCuts = planCuts == null ? List.of() : List.copyOf(planCuts);
  }
}
