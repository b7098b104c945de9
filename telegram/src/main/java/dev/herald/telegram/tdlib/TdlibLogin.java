package dev.herald.telegram.tdlib;

import dev.herald.domain.shared.Phones;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The phone login as a small state machine over TDLib's authorization states: phone → code →
 * password → ready. Each step sends one request and waits, at most {@code stepTimeout}, for the
 * answer and for the state it leads to; a timeout is a FAILED step, never a hang.
 */
final class TdlibLogin {

  private static final Logger LOG = Logger.getLogger(TdlibLogin.class.getName());

  /**
   * States in which TDLib accepts {@code setAuthenticationPhoneNumber} (a restart of the login).
   */
  private static final Set<String> PHONE_ACCEPTED =
      Set.of(
          AuthorizationStates.WAIT_PHONE,
          AuthorizationStates.WAIT_CODE,
          AuthorizationStates.WAIT_PASSWORD,
          "authorizationStateWaitEmailAddress",
          "authorizationStateWaitEmailCode",
          "authorizationStateWaitRegistration");

  private final TdlibSessionClient client;
  private final Duration stepTimeout;

  TdlibLogin(TdlibSessionClient client, Duration stepTimeout) {
    this.client = client;
    this.stepTimeout = stepTimeout;
  }

  synchronized LoginStep start(String phone) {
    Optional<JsonObject> state = await(client.authorization().started());
    Optional<String> refused = client.authorization().refusal();
    if (refused.isPresent()) {
      return LoginStep.failed(refused.get());
    }
    if (state.isEmpty()) {
      return LoginStep.failed(
          "TDLib did not initialise the session within "
              + seconds()
              + " (state "
              + client.authorizationState()
              + "); check the database key and data directory");
    }
    String type = TdlibJson.type(state.get());
    if (AuthorizationStates.READY.equals(type) || !PHONE_ACCEPTED.contains(type)) {
      return AuthorizationStates.step(state.get()).orElseThrow();
    }
    LOG.log(
        Level.INFO,
        "Session {0}: login started for {1}",
        new Object[] {client.sessionId(), Phones.mask(phone)});
    // A refused number fails the login whatever TDLib still waits for: restarted while a code was
    // awaited, TDLib stays there (AuthManager), but the code it waits for is the old number's.
    return submit(
        TdlibJson.object("setAuthenticationPhoneNumber").add("phone_number", phone).build(),
        AuthorizationStates.WAIT_PHONE,
        "Telegram refused the phone number",
        false);
  }

  synchronized LoginStep submitCode(String code) {
    return answer(Secret.CODE, code);
  }

  synchronized LoginStep submitPassword(String password) {
    return answer(Secret.PASSWORD, password);
  }

  /**
   * Asks Telegram for the code again ({@code resendAuthenticationCode}, the user asked), sent the
   * next way Telegram offers (an SMS after an app message, then a call): TDLib's new
   * waiting-for-code state says how. Telegram refuses before the code's timeout or when no other
   * way is left; the code sent before still stands then.
   */
  synchronized LoginStep resendCode() {
    if (!AuthorizationStates.WAIT_CODE.equals(client.authorizationState())) {
      return notExpected("a login code");
    }
    JsonObject before = client.authorization().current();
    try {
      client
          .request(
              TdlibJson.object("resendAuthenticationCode")
                  .add("reason", TdlibJson.object("resendCodeReasonUserRequest"))
                  .build(),
              stepTimeout)
          .get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof TimeoutException) {
        return LoginStep.codeRequired(
            "Telegram did not answer within " + seconds() + "; the code sent before still stands");
      }
      return refusal(failed.getCause(), "Telegram did not send a new code", true);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return LoginStep.failed("Login step interrupted");
    }
    // The new code's state (how it was sent), a new object even though the type is the same.
    Optional<JsonObject> after;
    try {
      after = AuthorizationTracker.await(client.authorization().nextAfter(before), stepTimeout);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return LoginStep.failed("Login step interrupted");
    }
    return after
        .flatMap(AuthorizationStates::step)
        .orElseGet(
            () ->
                LoginStep.codeRequired(
                    "Telegram took the request but reported no new code within " + seconds()));
  }

  /**
   * A step the login answers with one secret: the state in which TDLib asks for it, what it is
   * called when it comes unasked, TDLib's request and field for it, and what a refusal says.
   */
  private record Secret(
      String waitingIn, String what, String request, String field, String refused) {

    static final Secret CODE =
        new Secret(
            AuthorizationStates.WAIT_CODE,
            "a login code",
            "checkAuthenticationCode",
            "code",
            "The code was not accepted");

    static final Secret PASSWORD =
        new Secret(
            AuthorizationStates.WAIT_PASSWORD,
            "a password",
            "checkAuthenticationPassword",
            "password",
            "The password was not accepted");
  }

  private LoginStep answer(Secret secret, String value) {
    if (!secret.waitingIn().equals(client.authorizationState())) {
      return notExpected(secret.what());
    }
    return submit(
        TdlibJson.object(secret.request()).add(secret.field(), value).build(),
        secret.waitingIn(),
        secret.refused(),
        true);
  }

  /**
   * Sends one step's request, then waits for the state after {@code from}; a refusal asks again for
   * what TDLib still waits for when {@code askAgain} (a wrong code or password).
   */
  private LoginStep submit(JsonObject request, String from, String refused, boolean askAgain) {
    try {
      client.request(request, stepTimeout).get();
    } catch (ExecutionException failed) {
      return refusal(failed.getCause(), refused, askAgain);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return LoginStep.failed("Login step interrupted");
    }
    Optional<JsonObject> next =
        await(type -> !type.equals(from) && !AuthorizationStates.isTransient(type));
    if (next.isEmpty()) {
      return LoginStep.failed(
          "Telegram accepted the step but the session stayed in "
              + client.authorizationState()
              + " for "
              + seconds());
    }
    return AuthorizationStates.step(next.get()).orElseThrow();
  }

  private LoginStep refusal(Throwable cause, String refused, boolean askAgain) {
    if (cause instanceof TimeoutException) {
      return LoginStep.failed(
          "Telegram did not answer within "
              + seconds()
              + "; check the network and the API id/hash");
    }
    String reason =
        cause instanceof TdlibException
            ? ((TdlibException) cause).tdlibMessage()
            : String.valueOf(cause.getMessage());
    // Still waiting for the same input (wrong code, wrong password): say so, the user may retry.
    String state = client.authorizationState();
    if (askAgain && AuthorizationStates.WAIT_CODE.equals(state)) {
      return LoginStep.codeRequired(refused + ": " + reason);
    }
    if (askAgain && AuthorizationStates.WAIT_PASSWORD.equals(state)) {
      return LoginStep.passwordRequired(refused + ": " + reason);
    }
    return LoginStep.failed(refused + ": " + reason);
  }

  private LoginStep notExpected(String what) {
    String state = client.authorizationState();
    return LoginStep.failed(
        "The session is not waiting for "
            + what
            + " (state "
            + (state.isEmpty() ? "starting" : state)
            + "); start the login again");
  }

  private Optional<JsonObject> await(Predicate<String> wanted) {
    return await(client.authorization().next(wanted));
  }

  /** The state {@code future} completes with, within the step's time; empty otherwise. */
  private Optional<JsonObject> await(CompletableFuture<JsonObject> future) {
    try {
      return AuthorizationTracker.await(future, stepTimeout);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private String seconds() {
    return stepTimeout.toMillis() % 1000 == 0
        ? stepTimeout.toSeconds() + " s"
        : stepTimeout.toMillis() + " ms";
  }
}
