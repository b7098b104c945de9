package dev.herald.domain.bot;

import java.time.Instant;
import java.util.List;

/**
 * What a tenant sees of their bot: status and why it is not running, whether it is running but idle
 * (nothing it can send with or to), the last error, the next cycle, its senders, and whether the
 * transport is a dry run.
 */
public record BotState(
    BotStatus status,
    StopReason stopReason,
    boolean idle,
    String lastErrorReason,
    Instant nextRunAt,
    List<String> senders,
    String transport,
    boolean dryRun) {}
