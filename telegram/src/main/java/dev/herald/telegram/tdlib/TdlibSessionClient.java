package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionProxies.ProxySettings;
import dev.herald.domain.telegram.SendOutcome;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pooled session's TDLib client: its own database directory, its authorization state, and the
 * sends still waiting for their final update. Updates arrive on the receive loop thread.
 */
public final class TdlibSessionClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TdlibSessionClient.class.getName());

  /**
   * TDLib's answer to parameters whose database key is not the one the database was written with.
   */
  static final String WRONG_KEY = "Wrong database encryption key";

  private final long sessionId;
  private final TdlibRuntime runtime;
  private final TdlibConfig config;
  private final ApiPair apiPair;
  private final String databaseKey;
  private final AuthorizationTracker authorization = new AuthorizationTracker();
  private final PendingSends sends = new PendingSends();
  private final TdlibLogin login;
  private final TdlibChats chats;
  private final TdlibConnection connection;
  private volatile boolean closedByHerald;
  private volatile TdlibProxy proxy = new TdlibProxy(this, Optional.empty());
  private int clientId;

  TdlibSessionClient(
      long sessionId,
      TdlibRuntime runtime,
      TdlibConfig config,
      ApiPair apiPair,
      String databaseKey,
      InstantSource clock) {
    this.sessionId = sessionId;
    this.runtime = runtime;
    this.config = config;
    this.apiPair = apiPair;
    this.databaseKey = databaseKey;
    this.login = new TdlibLogin(this, config.loginStepTimeout());
    this.chats = new TdlibChats(this);
    this.connection = new TdlibConnection(sessionId, clock);
  }

  /**
   * Creates the TDLib client; its first request makes TDLib report its authorization state. The
   * session's proxy (or none) goes first, before TDLib has its parameters ({@link TdlibProxy}).
   */
  void start(Optional<ProxySettings> proxySettings) {
    clientId = runtime.createClient(this::onUpdate);
    proxy = new TdlibProxy(this, proxySettings);
    proxy.apply();
    request(TdlibJson.object("getOption").add("name", "version").build());
  }

  /** Empty when the session's proxy passed its test or it has none; else why it cannot send. */
  CompletableFuture<Optional<String>> proxyFailure() {
    return proxy.failure();
  }

  public long sessionId() {
    return sessionId;
  }

  public Path databaseDirectory() {
    return config.dataDir().resolve("session-" + sessionId);
  }

  public String authorizationState() {
    return authorization.currentType();
  }

  public LoginStep startLogin(String phone) {
    return login.start(phone);
  }

  public LoginStep submitCode(String code) {
    return login.submitCode(code);
  }

  public LoginStep submitPassword(String password) {
    return login.submitPassword(password);
  }

  public LoginStep resendCode() {
    return login.resendCode();
  }

  /** A request with the configured request timeout; fails with {@link TdlibException} on error. */
  CompletableFuture<JsonObject> request(JsonObject request) {
    return request(request, config.requestTimeout());
  }

  /**
   * A request TDLib may hold while it waits out a flood wait itself: it resends after waits of up
   * to 60 s in all and answers 429 only beyond, so a join or a lookup can take that long and still
   * succeed. Given the send timeout (longer than those 60 s), such a wait is not taken for a
   * failure and the request's outcome (a join made, a wait asked) is not lost.
   */
  CompletableFuture<JsonObject> requestToTelegram(JsonObject request) {
    return request(request, config.sendTimeout());
  }

  CompletableFuture<JsonObject> request(JsonObject request, Duration timeout) {
    return runtime.send(clientId, request).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  Duration requestTimeout() {
    return config.requestTimeout();
  }

  /**
   * The client's first state after TDLib took its parameters (a login step, or ready), waited for
   * at most a request timeout: what a send or a preparation waits for on a client just opened.
   */
  CompletableFuture<JsonObject> started() {
    return authorization()
        .started()
        .orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  Duration sendTimeout() {
    return config.sendTimeout();
  }

  /**
   * Why a send must not wait in TDLib now: it has been without Telegram too long ({@link
   * TdlibConnection}).
   */
  Optional<String> offline() {
    return connection.offline(config.offlineAfter());
  }

  /** TDLib's last reported connection state; empty before the first. */
  public String connectionState() {
    return connection.state();
  }

  AuthorizationTracker authorization() {
    return authorization;
  }

  PendingSends sends() {
    return sends;
  }

  TdlibChats chats() {
    return chats;
  }

  private void onUpdate(JsonObject update) {
    switch (TdlibJson.type(update)) {
      case "updateAuthorizationState":
        onAuthorizationState(TdlibJson.child(update, "authorization_state"));
        break;
      case "updateConnectionState":
        connection.update(TdlibJson.type(TdlibJson.child(update, "state")));
        break;
      case "updateMessageSendSucceeded", "updateMessageSendFailed":
        JsonObject message = TdlibJson.child(update, "message");
        sends.complete(
            TdlibJson.number(message, "chat_id", 0),
            TdlibJson.number(update, "old_message_id", 0),
            "updateMessageSendFailed".equals(TdlibJson.type(update))
                ? TdlibErrorMapper.fromSendFailed(update)
                : new SendOutcome.Delivered(
                    TdlibMessages.serverMessageId(TdlibJson.number(message, "id", 0))));
        break;
      case "updateDeleteMessages":
        // td_api.tl: some messages being sent are deleted for good instead of failing. Only the
        // yet-unsent ones can be Herald's sends (the others are any chat's messages).
        if (update.getBoolean("is_permanent", false)) {
          long chatId = TdlibJson.number(update, "chat_id", 0);
          update.getJsonArray("message_ids").getValuesAs(JsonNumber.class).stream()
              .mapToLong(JsonNumber::longValue)
              .filter(TdlibMessages::yetUnsent)
              .forEach(
                  id ->
                      sends.complete(
                          chatId,
                          id,
                          new SendOutcome.TransientError(
                              "TDLib deleted the message before it was sent")));
        }
        break;
      default:
        break; // Herald needs no other updates; TDLib sends many (chats, users, options).
    }
  }

  private void onAuthorizationState(JsonObject state) {
    String type = TdlibJson.type(state);
    LOG.log(Level.FINE, "Session {0}: {1}", new Object[] {sessionId, type});
    authorization.update(state);
    if (AuthorizationStates.WAIT_PARAMETERS.equals(type)) {
      request(TdlibParameters.build(config, apiPair, databaseDirectory(), databaseKey))
          .whenComplete(
              (ok, failure) -> {
                Throwable cause =
                    failure != null && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof TdlibException refused
                    && WRONG_KEY.equals(refused.tdlibMessage())
                    && !closedByHerald) {
                  // A database written with another key: the client then waits for parameters
                  // for good. Sends answer that the session needs a login, and a new login starts
                  // it afresh (TdlibSessions). Any other error (a locked or unwritable folder, a
                  // close while starting) or no answer in time is a start that may still come.
                  String why =
                      "TDLib refused the session's parameters ("
                          + cause.getMessage()
                          + "): its database was written with another key; log the session in"
                          + " again, or restore the key and restart";
                  LOG.log(Level.WARNING, "Session {0}: {1}", new Object[] {sessionId, why});
                  authorization.refuse(why);
                } else if (failure != null) {
                  LOG.log(
                      Level.WARNING,
                      "Session {0}: TDLib did not take its parameters: {1}",
                      new Object[] {sessionId, failure.getMessage()});
                }
              });
    } else if (AuthorizationStates.CLOSED.equals(type)) {
      runtime.forget(clientId);
      sends.completeAll(
          closedByHerald
              ? new SendOutcome.TransientError("Session client closed by Herald")
              : TdlibErrorMapper.fromAuthorizationState(type).orElseThrow());
    }
  }

  /** Asks TDLib to close the client; completes when it reports {@code authorizationStateClosed}. */
  @Override
  public void close() {
    closing();
  }

  /** True once Herald asked TDLib to close this client. */
  boolean closedByHerald() {
    return closedByHerald;
  }

  CompletableFuture<JsonObject> closing() {
    closedByHerald = true;
    CompletableFuture<JsonObject> closed = authorization.next(AuthorizationStates.CLOSED::equals);
    if (!closed.isDone()) {
      runtime.send(clientId, TdlibJson.object("close").build());
    }
    return closed;
  }
}
