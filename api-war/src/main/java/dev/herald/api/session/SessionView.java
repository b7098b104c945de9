package dev.herald.api.session;

import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import dev.herald.domain.session.SessionPoolService.SessionLogin;
import dev.herald.domain.session.TelegramSession;
import java.time.Instant;

/**
 * A pooled session as admins see it: the phone masked, its state with why ({@code stateReason}: the
 * cause of a {@code NEEDS_LOGIN} or {@code UNAVAILABLE} park, never a ban's) and since when ({@code
 * COOLING_DOWN} while a flood wait runs, until {@code floodWaitUntil}), the login step when one is
 * running.
 */
public record SessionView(
    long id,
    long apiPairId,
    String phone,
    String state,
    String stateReason,
    Instant stateSince,
    Long assignedAccountId,
    Instant floodWaitUntil,
    String banReason,
    String login,
    String loginDetail,
    ProxyView proxy,
    WarmupView warmup) {

  static SessionView of(TelegramSession s, Instant now) {
    return of(s, null, null, now);
  }

  /** A session with the step its login is at, as each login endpoint answers. */
  static SessionView of(SessionLogin login, Instant now) {
    return of(login.session(), login.progress(), null, now);
  }

  /** A listed session with its warm-up ({@code warmup} null when it has none). */
  static SessionView listed(TelegramSession s, WarmupView warmup, Instant now) {
    return of(s, null, warmup, now);
  }

  private static SessionView of(
      TelegramSession s, LoginProgress progress, WarmupView warmup, Instant now) {
    return new SessionView(
        s.id(),
        s.apiPairId(),
        s.phoneMasked(),
        s.stateAt(now).name(),
        s.stateReason().orElse(null),
        s.stateSince().orElse(null),
        s.assignedAccountId().orElse(null),
        s.floodWaitUntil().orElse(null),
        s.banReason().orElse(null),
        progress == null ? null : progress.step().name(),
        progress == null ? null : progress.detail(),
        ProxyView.of(s.proxy()),
        warmup);
  }
}
