package dev.herald.domain.session;

import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.bot.BotRepository;
import dev.herald.domain.engine.SessionPenalties;
import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.Phones;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.crypto.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/** The admin's side of the pool: API pairs, adding sessions (with their login), ban and release. */
@ApplicationScoped
@Transactional
public class SessionPoolService {

  private static final Pattern API_HASH = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");

  @Inject SessionRepository sessions;
  @Inject SessionPenalties penalties;
  @Inject BotRepository bots;
  @Inject SessionLoginGateway login;
  @Inject DataCipher cipher;
  @Inject SessionWarmup warmup;
  @Inject SessionWarmups warmups;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public ApiPair createApiPair(Actor actor, int apiId, String apiHash, Integer capacity) {
    if (apiId <= 0) {
      throw InvalidInputException.of(
          "api_id", "Give the api_id from my.telegram.org (a positive number).");
    }
    if (apiHash == null || !API_HASH.matcher(apiHash).matches()) {
      throw InvalidInputException.of(
          "api_hash", "Give the api_hash from my.telegram.org (32 hex digits).");
    }
    int cap = capacity == null ? ApiPair.DEFAULT_CAPACITY : capacity;
    if (cap < 1 || cap > 100) {
      throw InvalidInputException.of("capacity", "Capacity must be between 1 and 100 sessions.");
    }
    if (sessions.findApiPairByApiId(apiId).isPresent()) {
      throw new ConflictException(
          ProblemType.API_PAIR_EXISTS, "An API pair with this api_id exists.");
    }
    ApiPair pair = sessions.save(new ApiPair(apiId, cipher.encrypt(apiHash), cap, clock.instant()));
    audit.record(
        actor,
        AuditAction.API_PAIR_CREATED,
        "api_pair",
        pair.id(),
        "api_id=" + apiId + " capacity=" + cap);
    return pair;
  }

  /**
   * Adds a session and starts its login; with the sandbox transport it is usable at once. With
   * warm-up configured it posts under the warm-up budgets for its first days ({@link
   * SessionWarmup}).
   */
  public SessionLogin addSession(Actor actor, String phone, long apiPairId) {
    if (phone == null || !PHONE.matcher(phone.replaceAll("[ ()-]", "")).matches()) {
      throw InvalidInputException.of(
          "phone", "Give the phone number in international format, e.g. +441234567890.");
    }
    ApiPair pair =
        sessions
            .findApiPair(apiPairId)
            .orElseThrow(
                () -> InvalidInputException.of("api_pair_id", "No API pair with this id."));
    String normalised = "+" + phone.replaceAll("[^0-9]", "");
    TelegramSession session =
        sessions.save(
            new TelegramSession(
                pair.id(),
                Phones.mask(normalised),
                cipher.encrypt(normalised),
                SessionState.PENDING_AUTH,
                clock.instant()));
    if (warmup.enabled()) {
      warmups.start(session.id(), session.createdAt(), warmup);
    }
    LoginProgress progress =
        login.start(
            session.id(), normalised, pair.apiId(), cipher.decrypt(pair.apiHashEncrypted()));
    return loginStep(
        actor,
        AuditAction.SESSION_ADDED,
        session,
        progress,
        "phone=" + session.phoneMasked() + " ");
  }

  /**
   * A new login for a session that had one: a {@code NEEDS_LOGIN} session (rule 14: its login ended
   * without a ban) or one whose login is stuck waiting. It starts with the session's stored phone
   * and its own API pair; the code and password endpoints take it from there, and a finished login
   * returns it to the pool ({@code UNUSED}).
   */
  public SessionLogin restartLogin(Actor actor, long sessionId) {
    TelegramSession session = existing(sessionId);
    if (session.state() != SessionState.NEEDS_LOGIN
        && session.state() != SessionState.PENDING_AUTH) {
      throw new ConflictException(
          ProblemType.SESSION_NOT_PENDING,
          "Only a session that needs a login (NEEDS_LOGIN) or waits for one can log in again.");
    }
    String phone =
        session
            .phoneEncrypted()
            .map(cipher::decrypt)
            .orElseThrow(
                () ->
                    new ConflictException(
                        ProblemType.SESSION_NOT_PENDING,
                        "This session has no stored phone: delete it and add it again."));
    ApiPair pair =
        sessions
            .findApiPair(session.apiPairId())
            .orElseThrow(() -> new NotFoundException("The session's API pair is gone."));
    session.loginRestarted(clock.instant());
    LoginProgress progress =
        login.start(sessionId, phone, pair.apiId(), cipher.decrypt(pair.apiHashEncrypted()));
    return loginStep(actor, AuditAction.SESSION_LOGIN_RESTARTED, session, progress, "");
  }

  public SessionLogin submitCode(Actor actor, long sessionId, String code) {
    TelegramSession session = pending(sessionId);
    LoginProgress progress = login.submitCode(sessionId, code);
    return loginStep(actor, AuditAction.SESSION_CODE_SUBMITTED, session, progress, "");
  }

  /** A new code for a login that waits for one (the first did not arrive, or expired). */
  public SessionLogin resendCode(Actor actor, long sessionId) {
    TelegramSession session = pending(sessionId);
    LoginProgress progress = login.resendCode(sessionId);
    return loginStep(actor, AuditAction.SESSION_CODE_RESENT, session, progress, "");
  }

  public SessionLogin submitPassword(Actor actor, long sessionId, String password) {
    TelegramSession session = pending(sessionId);
    LoginProgress progress = login.submitPassword(sessionId, password);
    return loginStep(actor, AuditAction.SESSION_PASSWORD_SUBMITTED, session, progress, "");
  }

  /**
   * An admin's ban. A session that posts for an account goes through the engine's ban path ({@link
   * SessionPenalties#banAndReplace}): the account gets a replacement from the pool (or its bot is
   * marked idle) and both show in its activity log, as when Telegram bans the session. That path
   * commits on its own; the audit row follows in this transaction.
   */
  public TelegramSession ban(Actor actor, long sessionId, String reason) {
    TelegramSession session = existing(sessionId);
    String why = reason == null || reason.isBlank() ? "ADMIN" : reason;
    Optional<Long> account = session.assignedAccountId();
    if (account.isPresent()) {
      penalties.banAndReplace(account.get(), sessionId, why);
      takenOffItsAccount(account.get());
      session = sessions.reload(session);
    } else {
      session.ban(why, clock.instant());
    }
    audit.record(
        actor,
        AuditAction.SESSION_BANNED,
        "session",
        sessionId,
        "reason=" + session.banReason().orElse(""));
    return session;
  }

  /**
   * Back to the pool. A session that posts for an account leaves it as a banned one does ({@link
   * SessionPenalties#releaseAndReplace}): a replacement from the pool takes its place, or the bot
   * says it has no usable session; and the cycle running now, which holds the session as a sender,
   * is continued without it.
   */
  public TelegramSession release(Actor actor, long sessionId) {
    TelegramSession session = existing(sessionId);
    if (session.assignedAccountId().isPresent()) {
      session = offItsAccount(session, "RELEASED"); // released there, as the database has it
    } else {
      session.release(clock.instant());
    }
    audit.record(actor, AuditAction.SESSION_RELEASED, "session", sessionId, null);
    return session;
  }

  /**
   * Deletes a session from the pool; one that posts for an account leaves it first ({@link
   * #release}).
   */
  public void delete(Actor actor, long sessionId) {
    sessions.delete(offItsAccount(existing(sessionId), "DELETED"));
    audit.record(actor, AuditAction.SESSION_DELETED, "session", sessionId, null);
  }

  /** The session, taken off its account first when it has one; reloaded as the database has it. */
  private TelegramSession offItsAccount(TelegramSession session, String reason) {
    Optional<Long> account = session.assignedAccountId();
    if (account.isEmpty()) {
      return session;
    }
    penalties.releaseAndReplace(account.get(), session.id(), reason);
    takenOffItsAccount(account.get());
    return sessions.reload(session);
  }

  /**
   * The account's running cycle may hold the session as a sender: it is handed back and continued
   * with the senders the account has now (SPEC rule 18's mechanism, {@link
   * BotRepository#outdateRunningCycle}), instead of posting with a session that left.
   */
  private void takenOffItsAccount(long accountId) {
    bots.outdateRunningCycle(accountId);
  }

  private void apply(TelegramSession session, LoginProgress progress) {
    if (progress.step() == LoginProgress.Step.READY) {
      session.loginSucceeded(clock.instant());
    }
  }

  private TelegramSession pending(long sessionId) {
    TelegramSession session = existing(sessionId);
    if (session.state() != SessionState.PENDING_AUTH) {
      throw new ConflictException(
          ProblemType.SESSION_NOT_PENDING, "This session is not waiting for a login step.");
    }
    return session;
  }

  private TelegramSession existing(long sessionId) {
    return sessions
        .findById(sessionId)
        .orElseThrow(() -> new NotFoundException("No such session."));
  }

  /**
   * Every login step ends the same way: the session takes the step's state ({@link #apply}) and the
   * audit log records it, its detail ending in {@code login=<step>}.
   */
  private SessionLogin loginStep(
      Actor actor,
      AuditAction action,
      TelegramSession session,
      LoginProgress progress,
      String detailPrefix) {
    apply(session, progress);
    audit.record(actor, action, "session", session.id(), detailPrefix + "login=" + progress.step());
    return new SessionLogin(session, progress);
  }

  /** A session and where its login stands. */
  public record SessionLogin(TelegramSession session, LoginProgress progress) {}

  /** An API pair with the number of its sessions in use. */
  public record ApiPairUsage(ApiPair pair, long inUse) {}
}
