package dev.herald.persistence.engine;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.engine.CycleSummary;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DeliveryLedger.FlushId;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.persistence.ArrayParameters;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a flush's rows to {@link LedgerSql#FLUSH}, statement by statement in the order the flush
 * runs them: each statement takes its columns as arrays (one element per completed cycle or
 * finished post).
 */
final class FlushParameters {

  private FlushParameters() {}

  /** Binds every parameter of {@link LedgerSql#FLUSH}. */
  static void bind(
      Connection c,
      PreparedStatement s,
      String node,
      FlushId id,
      List<Finished> finished,
      List<Completed> done)
      throws SQLException {
    ArrayParameters p = new ArrayParameters(c, s);
    // BEGIN_FLUSH
    p.value(id.writer().toString()).value(id.number());
    // Columns of the completed cycles bound to several statements are encoded once.
    Array accounts = p.column("bigint", done, Long[]::new, d -> d.cycle().accountId());
    Array cycleIds = p.column("bigint", done, Long[]::new, d -> d.cycle().cycleId());
    Array handedBack = p.column("bool", done, Boolean[]::new, Completed::handedBack);
    // LOCK_BOTS
    p.array(accounts);
    // COMPLETE_CYCLES
    p.array(accounts)
        .array(cycleIds)
        .array(p.column("bigint", done, Long[]::new, d -> d.cycle().lease()))
        .array(p.column("bigint", done, Long[]::new, d -> d.nextRunAt().toEpochMilli()))
        .array(p.column("bool", done, Boolean[]::new, Completed::clearsError))
        .array(
            p.column("text", done, String[]::new, d -> d.day() == null ? null : d.day().toString()))
        .array(p.column("int4", done, Integer[]::new, Completed::posts))
        .array(handedBack)
        .value(node);
    // ADD_STATS
    p.array(accounts)
        .array(p.column("int4", done, Integer[]::new, d -> d.tally().attempts()))
        .array(p.column("int4", done, Integer[]::new, d -> d.tally().delivered()))
        .array(p.column("int4", done, Integer[]::new, d -> d.tally().failures()))
        .array(p.column("int4", done, Integer[]::new, d -> d.tally().floodWaits()));
    // FINISH_DELIVERIES
    p.array(p.column("bigint", finished, Long[]::new, f -> f.cycle().accountId()))
        .array(p.column("bigint", finished, Long[]::new, f -> f.cycle().cycleId()))
        .array(p.column("text", finished, String[]::new, Finished::chat))
        .array(p.column("text", finished, String[]::new, f -> f.outcome().code()))
        .array(p.column("bigint", finished, Long[]::new, FlushParameters::messageId))
        .array(p.column("text", finished, String[]::new, FlushParameters::error))
        .array(p.column("bigint", finished, Long[]::new, f -> f.at().toEpochMilli()))
        .array(
            p.column(
                "bool", finished, Boolean[]::new, f -> f.outcome().retryableByAnotherSender()));
    // LOG_ACTIVITIES (after FINISH_DELIVERIES: it counts the outcomes of a cycle the engine did not
    // summarize). Every cycle's end is in the tenant's activity log (SPEC §2).
    p.array(accounts)
        .array(cycleIds)
        .array(
            p.column(
                "text",
                done,
                String[]::new,
                d -> ActivityEvent.cycleEnded(d.tally().failures()).name()))
        .array(p.column("text", done, String[]::new, d -> summary(d, CycleSummary::reasonCode)))
        .array(p.column("text", done, String[]::new, d -> summary(d, CycleSummary::message)))
        .array(handedBack);
  }

  /** A part of the cycle's activity entry, when the engine summarized the cycle; else null. */
  private static String summary(Completed cycle, Function<CycleSummary, String> part) {
    return cycle.summary() == null ? null : part.apply(cycle.summary());
  }

  /** The message Telegram created, for a delivered post. */
  private static Long messageId(Finished post) {
    return post.outcome() instanceof SendOutcome.Delivered delivered ? delivered.messageId() : null;
  }

  /** What went wrong, for a post not delivered. */
  private static String error(Finished post) {
    return post.outcome() instanceof SendOutcome.Delivered
        ? null
        : Outcomes.describe(post.outcome());
  }
}
