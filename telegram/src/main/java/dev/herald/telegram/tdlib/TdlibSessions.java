package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All TDLib session clients of the process over one {@link TdlibRuntime}: the login steps and the
 * sends of each session, each session with its own breaker. Usable without CDI (tests); {@link
 * TdlibTransport} owns the server's instance. One instance per process: TDLib allows one receive
 * loop.
 */
public final class TdlibSessions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TdlibSessions.class.getName());
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final TdlibLibrary library;
  private final TdlibConfig config;
  private final byte[] keyMaterial;
  private final ThreadFactory threads;
  private final Clock clock;
  private final Map<Long, TdlibSessionClient> clients = new ConcurrentHashMap<>();
  private final Map<Long, SessionBreaker> breakers = new ConcurrentHashMap<>();
  private final Optional<TdlibStateKeeper> states;
  private TdlibRuntime runtime;

  /** Sessions whose state lives only in their local folders (tests, tools). */
  public TdlibSessions(
      TdlibLibrary library,
      TdlibConfig config,
      byte[] keyMaterial,
      ThreadFactory threads,
      Clock clock) {
    this(library, config, keyMaterial, threads, clock, Optional.empty());
  }

  /**
   * Sessions whose TDLib state is kept in {@code store} (restored on open, saved when logged in,
   * changed and closed), written as {@code node}, checked for changes every {@code checkEvery}.
   */
  public TdlibSessions(
      TdlibLibrary library,
      TdlibConfig config,
      byte[] keyMaterial,
      ThreadFactory threads,
      Clock clock,
      SessionStateStore store,
      String node,
      Duration checkEvery) {
    this(
        library,
        config,
        keyMaterial,
        threads,
        clock,
        Optional.of(new TdlibStateKeeper(store, node, threads, checkEvery)));
  }

  private TdlibSessions(
      TdlibLibrary library,
      TdlibConfig config,
      byte[] keyMaterial,
      ThreadFactory threads,
      Clock clock,
      Optional<TdlibStateKeeper> states) {
    if (keyMaterial == null || keyMaterial.length < 16) {
      throw new IllegalArgumentException("TDLib database key material must have at least 16 bytes");
    }
    this.library = library;
    this.config = config;
    this.keyMaterial = keyMaterial.clone();
    this.threads = threads;
    this.clock = clock;
    this.states = states;
  }

  public TdlibStatus status() {
    return library.status();
  }

  /** Opens (or returns) the session's client; a new one starts from its database folder. */
  public synchronized TdlibSessionClient open(long sessionId, ApiPair api) {
    TdlibSessionClient existing = clients.get(sessionId);
    if (existing != null && !AuthorizationStates.CLOSED.equals(existing.authorizationState())) {
      return existing;
    }
    // A closed TDLib client cannot be revived: a new login needs a new client.
    if (runtime == null) {
      runtime =
          new TdlibRuntime(
              library
                  .binding()
                  .orElseThrow(() -> new IllegalStateException(library.status().detail())),
              threads);
    }
    TdlibSessionClient client =
        new TdlibSessionClient(
            sessionId, runtime, config, api, TdlibKeys.derive(keyMaterial, sessionId));
    states.ifPresent(keeper -> keeper.restoreBeforeOpen(sessionId, client.databaseDirectory()));
    states.ifPresent(keeper -> keeper.watch(client));
    client.start();
    clients.put(sessionId, client);
    return client;
  }

  public Optional<TdlibSessionClient> find(long sessionId) {
    return Optional.ofNullable(clients.get(sessionId));
  }

  public LoginStep startLogin(long sessionId, String phone, ApiPair api) {
    if (!library.status().available()) {
      return LoginStep.failed("TDLib is not available: " + library.status().detail());
    }
    return open(sessionId, api).startLogin(phone);
  }

  public LoginStep submitCode(long sessionId, String code) {
    return find(sessionId)
        .map(client -> client.submitCode(code))
        .orElseGet(() -> LoginStep.failed("No login in progress for session " + sessionId));
  }

  public LoginStep submitPassword(long sessionId, String password) {
    return find(sessionId)
        .map(client -> client.submitPassword(password))
        .orElseGet(() -> LoginStep.failed("No login in progress for session " + sessionId));
  }

  public CompletableFuture<SendOutcome> send(long sessionId, ChatReference chat, Post post) {
    if (!library.status().available()) {
      return done(
          new SendOutcome.TransientError("TDLib is not available: " + library.status().detail()));
    }
    Optional<TdlibSessionClient> client =
        find(sessionId).or(() -> config.defaultApiPair().map(api -> open(sessionId, api)));
    if (client.isEmpty()) {
      return done(
          new SendOutcome.Unauthorized(
              "TDLib session " + sessionId + " is not open; log it in first"));
    }
    SessionBreaker breaker =
        breakers.computeIfAbsent(
            sessionId,
            id -> new SessionBreaker(config.breakerFailures(), config.breakerOpen(), clock));
    if (!breaker.allows()) {
      return done(
          new SendOutcome.TransientError("Session " + sessionId + " failed repeatedly; paused"));
    }
    return new TdlibSend(client.get(), config)
        .send(chat, post)
        .whenComplete((outcome, impossible) -> breaker.record(outcome));
  }

  /** Closes one session's client (logout stays with the caller: this keeps its authorization). */
  public void close(long sessionId) {
    TdlibSessionClient client = clients.remove(sessionId);
    if (client != null) {
      client.close();
    }
  }

  /**
   * Closes every client and waits (bounded) until TDLib reports them closed before stopping the
   * receive loop: a process that exits with TDLib clients still open can abort in TDLib's
   * destructors, which inside Liberty would take the server down with it.
   */
  @Override
  public synchronized void close() {
    CompletableFuture<?>[] closing =
        clients.values().stream()
            .map(TdlibSessionClient::closing)
            .toArray(CompletableFuture[]::new);
    clients.clear();
    try {
      CompletableFuture.allOf(closing).get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException late) {
      LOG.log(Level.WARNING, "TDLib clients did not all close within {0}", CLOSE_TIMEOUT);
    }
    states.ifPresent(TdlibStateKeeper::close); // their last states, now that they are closed
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  private static CompletableFuture<SendOutcome> done(SendOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
