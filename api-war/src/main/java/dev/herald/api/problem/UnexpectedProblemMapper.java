package dev.herald.api.problem;

import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.RepeatedFailureLog;
import dev.herald.persistence.DatabaseFailures;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: unreadable bodies become 400, a concurrent change of the same row (optimistic
 * lock, deadlock, serialization failure, a row created twice at once) 409, a value the database
 * refuses (SQLSTATE class 22: too long, NUL character, date out of range) 400, a database that
 * cannot be reached 503, and any other failure a 500 problem that carries the request id and
 * nothing of the exception; the stack trace goes to the server log under the same request id.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());

  /**
   * Every request while the database is away: logged once, then once a minute. No success is seen
   * here, so a failure after a quiet minute is a new outage.
   */
  private static final RepeatedFailureLog UNREACHABLE =
      new RepeatedFailureLog(LOG, "Reaching the database for a request");

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(Throwable e) {
    if (hasCause(e, JsonbException.class) || e instanceof ProcessingException) {
      return problems.build(
          ProblemType.MALFORMED_BODY,
          "The request body could not be read. Send valid JSON matching the API schema.");
    }
    if (hasCause(e, OptimisticLockException.class) || concurrentTransactions(e)) {
      return problems.build(
          ProblemType.CONCURRENT_UPDATE,
          "Someone changed this at the same time. Read it again and retry.");
    }
    if (dataException(e)) {
      LOG.log(Level.INFO, "Value refused by the database: {0}", e.toString());
      return problems.build(
          ProblemType.INVALID_VALUE,
          "A value cannot be stored: text too long or containing a NUL character, or a date out of"
              + " range.");
    }
    if (DatabaseFailures.unreachable(e)) {
      UNREACHABLE.failed(e.toString());
      return Response.fromResponse(
              problems.build(
                  ProblemType.SERVICE_UNAVAILABLE,
                  "The database is not reachable. Try again shortly."))
          .header("Retry-After", "5")
          .build();
    }
    Response response =
        problems.build(
            ProblemType.INTERNAL_ERROR,
            "Something went wrong on our side. Quote the request id when you report it.");
    LOG.log(
        Level.SEVERE,
        "Unhandled failure, request id " + ((Problem) response.getEntity()).requestId(),
        e);
    return response;
  }

  /**
   * SQLSTATE class 40 (a deadlock or serialization failure: the database rolled one side back) or
   * 23505 (two requests created the same row at once): a retry succeeds.
   */
  private static boolean concurrentTransactions(Throwable e) {
    return DatabaseFailures.hasSqlState(
        e, state -> state.startsWith("40") || state.equals("23505"));
  }

  /** SQLSTATE class 22 (data exception): the value itself was wrong, whoever let it through. */
  private static boolean dataException(Throwable e) {
    return DatabaseFailures.hasSqlState(e, state -> state.startsWith("22"));
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
