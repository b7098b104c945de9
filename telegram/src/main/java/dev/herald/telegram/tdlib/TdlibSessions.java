package dev.herald.telegram.tdlib;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.herald.domain.media.MediaStore;
import dev.herald.domain.session.SessionProxies.ProxySettings;
import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * All TDLib session clients of the process over one {@link TdlibRuntime}: the login steps and the
 * sends of each session, each session with its own breaker. Usable without CDI (tests); {@link
 * TdlibTransport} owns the server's instance. One instance per process: TDLib allows one receive
 * loop.
 *
 * <p>A send to a session whose client is not open here opens it with the session's own API pair
 * ({@link OwnApiPairs}; never a configured default: a session logged in with one pair must not be
 * reopened with another). Rule 14: what this class answers for a session that cannot send is never
 * a ban unless Telegram said so: no library or no known API pair is {@link
 * SendOutcome.SenderUnavailable}, a client that is starting too, one waiting for a login step is
 * {@link SendOutcome.SenderNeedsLogin} ({@link TdlibErrorMapper#fromAuthorizationState}).
 *
 * <p>Rule 15: a client opens only after this node took the session's lease ({@link ClientLeases});
 * a session another node has open is {@link SendOutcome.SenderUnavailable} here and its login is
 * refused, and the leases are given back once the clients closed and their last states are saved.
 */
public final class TdlibSessions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TdlibSessions.class.getName());

  /** Set by {@link #close()}: a login waiting outside the lock then opens nothing new. */
  private volatile boolean shutDown;

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final TdlibLibrary library;
  private final TdlibConfig config;
  private final byte[] keyMaterial;
  private final ThreadFactory threads;
  private final Clock clock;
  private final Map<Long, TdlibSessionClient> clients = new ConcurrentHashMap<>();
  private final Map<Long, SessionBreaker> breakers = new ConcurrentHashMap<>();

  /** Where a session's own API pair comes from ({@link #withOwnApiPairs}); none unless told. */
  private volatile OwnApiPairs ownApiPairs = sessionId -> Optional.empty();

  /** Where sessions' TDLib state is kept ({@link #keepingStateIn}); only locally unless told. */
  private volatile Optional<TdlibStateKeeper> states = Optional.empty();

  /**
   * Clients this process asked to close and TDLib has not closed yet: until then a new client of
   * the same session is our own second client on that authorization.
   */
  private final Map<Long, TdlibSessionClient> closingClients = new ConcurrentHashMap<>();

  private TdlibRuntime runtime;
  private volatile ClientLeases leases = ClientLeases.none();

  /** Runs the {@link TdlibLeaseKeeper} of leases that run out; null for leases that do not. */
  private ScheduledExecutorService leaseKeeping;

  /** The clients {@link #close()} is closing: their leases are kept until it gives them back. */
  private volatile Map<Long, TdlibSessionClient> shuttingDown = Map.of();

  /** Where a session's proxy comes from ({@link #useProxies}); none unless told. */
  private volatile SessionProxyLookup proxies = sessionId -> Optional.empty();

  /** Where media posts' files and their remote ids live; absent: media posts are refused. */
  private volatile MediaStore media;

  /**
   * Where the clients' database work runs (media sends, {@link #useMedia}; known chat ids, {@link
   * #useKnownChatIds}), never on TDLib's receive thread; null until one of them is used.
   */
  private volatile ExecutorService storeWork;

  /** The chat ids a session's records hold ({@link #useKnownChatIds}); none unless told. */
  private volatile KnownChatIds knownChatIds = (sessionId, chat) -> OptionalLong.empty();

  /** The chat id a session's records hold for a chat reference, resolved before. */
  @FunctionalInterface
  public interface KnownChatIds {
    OptionalLong of(long sessionId, String chat);
  }

  /** Where a session's own API pair comes from (api_id and the decrypted api_hash). */
  @FunctionalInterface
  public interface OwnApiPairs {
    Optional<ApiPair> of(long sessionId);
  }

  /** The proxy a session connects through, its secret decrypted; empty for a direct connection. */
  @FunctionalInterface
  public interface SessionProxyLookup {
    Optional<ProxySettings> of(long sessionId);
  }

  /**
   * Clients opened from now on connect through their session's proxy ({@link TdlibProxy}): a
   * session whose proxy fails its test is {@link SendOutcome.SenderUnavailable} with a reason
   * naming the proxy, never banned and never sent through a direct connection.
   */
  public TdlibSessions useProxies(SessionProxyLookup lookup) {
    this.proxies = lookup;
    return this;
  }

  /**
   * Sessions of {@code library}: without {@link #withOwnApiPairs} only sessions logged in by this
   * instance can send, and without {@link #keepingStateIn} their state lives only in their local
   * folders (tests, tools).
   */
  public TdlibSessions(
      TdlibLibrary library,
      TdlibConfig config,
      byte[] keyMaterial,
      ThreadFactory threads,
      Clock clock) {
    if (keyMaterial == null || keyMaterial.length < 16) {
      throw new IllegalArgumentException("TDLib database key material must have at least 16 bytes");
    }
    this.library = library;
    this.config = config;
    this.keyMaterial = keyMaterial.clone();
    this.threads = threads;
    this.clock = clock;
  }

  /** Sessions are opened with their own API pairs from {@code pairs}; call before first use. */
  public TdlibSessions withOwnApiPairs(OwnApiPairs pairs) {
    this.ownApiPairs = pairs;
    return this;
  }

  /**
   * Sessions' TDLib state is kept in {@code store} (restored on open, saved when logged in, changed
   * and closed), written as {@code node}, checked for changes every {@code checkEvery}; call before
   * first use.
   */
  public TdlibSessions keepingStateIn(SessionStateStore store, String node, Duration checkEvery) {
    this.states = Optional.of(new TdlibStateKeeper(store, node, threads, checkEvery));
    return this;
  }

  /**
   * Opens clients only under a lease taken through {@code leases}, and keeps it while they are open
   * ({@link TdlibLeaseKeeper}: extended six times per lease term, every second by default, and
   * every client closed when that failed for half of it); call before first use.
   */
  public synchronized TdlibSessions leasedThrough(ClientLeases leases) {
    this.leases = leases;
    Duration term = leases.term();
    if (!term.isZero() && leaseKeeping == null) {
      TdlibLeaseKeeper<TdlibSessionClient> keeper =
          new TdlibLeaseKeeper<>(
              leases, this::clientsHere, this::closeIfCurrent, term.dividedBy(2), System::nanoTime);
      long period = Math.max(100, term.toMillis() / 6);
      // Two threads: an extension stuck on an unreachable database must not hold up the fence.
      leaseKeeping = Executors.newScheduledThreadPool(2, threads);
      leaseKeeping.scheduleWithFixedDelay(
          guarded(keeper::extend), period, period, TimeUnit.MILLISECONDS);
      leaseKeeping.scheduleWithFixedDelay(
          guarded(keeper::fence), period / 2, period / 2, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Session lease keeping failed: {0}", e.getMessage());
      }
    };
  }

  /**
   * The clients open or closing in this process, by session; while {@link #close()} shuts down,
   * those it is closing (their leases are kept until their last states are saved).
   */
  private Map<Long, TdlibSessionClient> clientsHere() {
    Map<Long, TdlibSessionClient> here = new HashMap<>(shuttingDown);
    here.putAll(closingClients);
    here.putAll(clients);
    return here;
  }

  /**
   * Lets sessions post media from {@code store} (the server's PostgreSQL store). Its reads and
   * writes run on two threads of their own ({@link TdlibMedia}), never on TDLib's receive thread.
   */
  public synchronized void useMedia(MediaStore store) {
    storeWork();
    this.media = store;
  }

  /**
   * A client finds a chat given by username through the id the session's records hold ({@code ids},
   * read on the store's threads) before it resolves the username: a client opened on another node
   * has no chat cache, and each resolution spends one of the account's few a day. Call before first
   * use.
   */
  public synchronized TdlibSessions useKnownChatIds(KnownChatIds ids) {
    storeWork();
    this.knownChatIds = ids;
    return this;
  }

  private ExecutorService storeWork() {
    if (storeWork == null) {
      storeWork = Executors.newFixedThreadPool(2, threads);
    }
    return storeWork;
  }

  public TdlibStatus status() {
    return library.status();
  }

  /** Opens (or returns) the session's client; a new one starts from its database folder. */
  public TdlibSessionClient open(long sessionId, ApiPair api) {
    return open(sessionId, api, true);
  }

  /**
   * {@code restore}: the folder first gets the session's stored state, if newer (see {@link
   * TdlibStateKeeper#restoreBeforeOpen}).
   */
  private synchronized TdlibSessionClient open(long sessionId, ApiPair api, boolean restore) {
    if (shutDown) {
      throw new IllegalStateException("TDLib sessions are shutting down");
    }
    TdlibSessionClient existing = clients.get(sessionId);
    if (existing != null && !AuthorizationStates.CLOSED.equals(existing.authorizationState())) {
      return existing;
    }
    // A closed TDLib client cannot be revived: a new login needs a new client.
    if (!leased(sessionId)) {
      throw new OpenElsewhere(sessionId);
    }
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
            sessionId, runtime, config, api, TdlibKeys.derive(keyMaterial, sessionId), clock);
    if (restore) {
      states.ifPresent(keeper -> keeper.restoreBeforeOpen(sessionId, client.databaseDirectory()));
    }
    states.ifPresent(keeper -> keeper.watch(client));
    KnownChatIds ids = knownChatIds;
    ExecutorService work = storeWork;
    if (work != null) {
      client
          .chats()
          .knowing(chat -> CompletableFuture.supplyAsync(() -> ids.of(sessionId, chat), work));
    }
    client.start(proxies.of(sessionId));
    clients.put(sessionId, client);
    return client;
  }

  /**
   * The client a login uses: the open one, or a new one once TDLib took or refused its parameters.
   * A client whose parameters TDLib refused (its database was written with another key) never
   * starts, and restarting would restore the same database: it is closed, its folder discarded, and
   * a new client starts empty. The new login's state replaces the stored one once it is ready. The
   * waits run outside this object's lock, so other sessions open meanwhile.
   *
   * @throws IllegalStateException when the refused client does not close in time or its folder
   *     cannot be discarded (the login fails with that reason; nothing was lost)
   */
  TdlibSessionClient openForLogin(long sessionId, ApiPair api) {
    TdlibSessionClient client = open(sessionId, api);
    try {
      // A new client answers its parameters first: a refusal must be seen before it is used.
      client.authorization().started().get(config.loginStepTimeout().toMillis(), MILLISECONDS);
    } catch (ExecutionException | TimeoutException notStarted) {
      // Refused (below), or slow: the login step then says what it waited for.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while opening session " + sessionId, e);
    }
    if (client.authorization().refusal().isEmpty()) {
      return client;
    }
    try {
      client.closing().get(config.requestTimeout().toMillis(), MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while closing session " + sessionId, e);
    } catch (ExecutionException | TimeoutException e) {
      // Its folder cannot go while TDLib may still write it: the next login tries again.
      throw new IllegalStateException(
          "The session's refused TDLib client did not close in time; log in again", e);
    }
    // One step under the lock: no other login or send opens a client of the session between the
    // discard and the new client (which would restore the unreadable state or lose its folder).
    synchronized (this) {
      if (!clients.remove(sessionId, client)) {
        // Another thread replaced the refused client meanwhile (a second login, a send).
        return open(sessionId, api);
      }
      try {
        discard(client.databaseDirectory());
      } catch (UncheckedIOException e) {
        releaseUnlessReopened(sessionId);
        throw new IllegalStateException(
            "The session's unreadable TDLib folder could not be discarded: " + e.getMessage(), e);
      }
      LOG.log(
          Level.INFO,
          "Session {0}: its database could not be opened with this key; a new login starts afresh",
          sessionId);
      return open(sessionId, api, false);
    }
  }

  /** Deletes a session's TDLib folder (a cache: PostgreSQL holds what a session needs). */
  private static void discard(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not discard " + folder, e);
    }
  }

  public Optional<TdlibSessionClient> find(long sessionId) {
    return Optional.ofNullable(clients.get(sessionId));
  }

  /** The sessions whose clients here are not logged in: a login waits for a step, or failed. */
  public Set<Long> notLoggedIn() {
    return clients.entrySet().stream()
        .filter(open -> !AuthorizationStates.READY.equals(open.getValue().authorizationState()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  public LoginStep startLogin(long sessionId, String phone, ApiPair api) {
    if (!library.status().available()) {
      return LoginStep.failed("TDLib is not available: " + library.status().detail());
    }
    try {
      TdlibSessionClient client = openForLogin(sessionId, api);
      return proxyFailure(client).map(LoginStep::failed).orElseGet(() -> client.startLogin(phone));
    } catch (OpenElsewhere elsewhere) {
      return LoginStep.failed(elsewhere.getMessage());
    } catch (IllegalStateException notReopened) {
      return LoginStep.failed(notReopened.getMessage());
    }
  }

  /**
   * A login started again with the session's own API pair, on the node that holds its client (the
   * admin's request reached another node, {@link LoginStepRelay}).
   */
  public LoginStep startLogin(long sessionId, String phone) {
    return ownApiPairs
        .of(sessionId)
        .map(api -> startLogin(sessionId, phone, api))
        .orElseGet(() -> LoginStep.failed("Session " + sessionId + " has no API pair of its own"));
  }

  public LoginStep submitCode(long sessionId, String code) {
    return find(sessionId)
        .map(client -> client.submitCode(code))
        .orElseGet(() -> LoginStep.failed("No login in progress for session " + sessionId));
  }

  public LoginStep resendCode(long sessionId) {
    return find(sessionId)
        .map(TdlibSessionClient::resendCode)
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
          SendOutcome.SenderUnavailable.beforeSending(
              "TDLib library is not loaded: " + library.status().detail()));
    }
    Optional<TdlibSessionClient> client;
    try {
      client = openOrFind(sessionId);
    } catch (IllegalStateException notOpened) { // open elsewhere, or shutting down
      return done(SendOutcome.SenderUnavailable.beforeSending(notOpened.getMessage()));
    }
    if (client.isEmpty()) {
      return done(
          SendOutcome.SenderUnavailable.beforeSending(
              "TDLib session " + sessionId + " is not open on this node and has no API pair"));
    }
    TdlibSessionClient open = client.get();
    return open.proxyFailure()
        .thenCompose(
            proxyFailed ->
                proxyFailed
                    .map(reason -> done(SendOutcome.SenderUnavailable.beforeSending(reason)))
                    .orElseGet(() -> sendThroughBreaker(open, chat, post)));
  }

  private CompletableFuture<SendOutcome> sendThroughBreaker(
      TdlibSessionClient client, ChatReference chat, Post post) {
    long sessionId = client.sessionId();
    SessionBreaker breaker =
        breakers.computeIfAbsent(
            sessionId,
            id ->
                new SessionBreaker(
                    "Session " + id, config.breakerFailures(), config.breakerOpen(), clock));
    if (!breaker.allows()) {
      return done(
          new SendOutcome.TransientError("Session " + sessionId + " failed repeatedly; paused"));
    }
    MediaStore store = media;
    return new TdlibSend(
            client,
            config,
            Optional.ofNullable(store)
                .map(m -> new TdlibMedia(client, m, Sender.session(sessionId), storeWork)))
        .send(chat, post)
        .thenApply(outcome -> notOurOwnDuplicate(sessionId, outcome))
        .whenComplete((outcome, impossible) -> breaker.record(outcome));
  }

  /** Why the client's proxy cannot carry its login, waited for as long as a request. */
  private Optional<String> proxyFailure(TdlibSessionClient client) {
    try {
      return client.proxyFailure().get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.of("Interrupted while testing the session's proxy");
    } catch (ExecutionException | TimeoutException late) {
      return Optional.of("PROXY_FAILED: the session's proxy test did not answer in time");
    }
  }

  private Optional<TdlibSessionClient> openOrFind(long sessionId) {
    return find(sessionId).or(() -> ownApiPairs.of(sessionId).map(api -> open(sessionId, api)));
  }

  /**
   * Prepares a chat for the session before its first post ({@link TdlibTargets}). A session that
   * cannot act now (library missing, not open here) fails the preparation: the engine sends as
   * written, the send says why, and nothing is recorded about the chat.
   */
  public CompletableFuture<Preparation> prepare(
      long sessionId, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin) {
    Optional<TdlibSessionClient> client;
    try {
      client = library.status().available() ? openOrFind(sessionId) : Optional.empty();
    } catch (IllegalStateException notOpened) {
      client = Optional.empty(); // held by another node, or shutting down: the send answers why
    }
    if (client.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("Session " + sessionId + " cannot act on this node now"));
    }
    boolean requested =
        known.map(target -> target.membership() == TargetMembership.JOIN_REQUESTED).orElse(false);
    return new TdlibTargets(client.get())
        .prepare(chat, known.map(ChatTarget::chatId).orElse(0L), mayJoin, requested);
  }

  /**
   * {@code AUTH_KEY_DUPLICATED} is Telegram's answer to two clients on one authorization: it ends
   * the authorization (a new login). When one of them is ours (a client of this session still
   * closing here), the duplicate is our doing and says nothing new to an admin: the session is
   * unavailable for now, and its next client finds out whether the authorization survived (a client
   * that is logged out asks for a login).
   */
  private SendOutcome notOurOwnDuplicate(long sessionId, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.SenderNeedsLogin logIn
        && logIn.reason().contains(TdlibErrorMapper.AUTH_KEY_DUPLICATED)
        && hasSecondClient(sessionId)) {
      return new SendOutcome.SenderUnavailable(
          TdlibErrorMapper.AUTH_KEY_DUPLICATED
              + " while this node has a second client of session "
              + sessionId
              + " open (ours, not a ban)",
          logIn.nothingSent());
    }
    return outcome;
  }

  /** Whether this process has more than one client of the session not yet closed. */
  boolean hasSecondClient(long sessionId) {
    TdlibSessionClient closing = closingClients.get(sessionId);
    return closing != null && clients.containsKey(sessionId) && clients.get(sessionId) != closing;
  }

  /** Closes one session's client (logout stays with the caller: this keeps its authorization). */
  public void close(long sessionId) {
    TdlibSessionClient client = clients.get(sessionId);
    if (client != null) {
      closeIfCurrent(sessionId, client);
    }
  }

  /** Closes {@code client} if it is still the session's open client (not one opened since). */
  private void closeIfCurrent(long sessionId, TdlibSessionClient client) {
    if (clients.remove(sessionId, client)) {
      closingClients.put(sessionId, client);
      client
          .closing()
          .whenCompleteAsync(
              (closed, failure) -> {
                closingClients.remove(sessionId, client);
                releaseUnlessReopened(sessionId);
              },
              // Off TDLib's receive loop, which must not wait for the database.
              work -> threads.newThread(work).start());
    }
  }

  /** A lease store that cannot be asked gives no lease: never open a client without one. */
  private boolean leased(long sessionId) {
    try {
      return leases.acquire(sessionId);
    } catch (RuntimeException unreachable) {
      LOG.log(
          Level.WARNING,
          "Session {0}: its lease could not be taken, not opened: {1}",
          new Object[] {sessionId, unreachable.getMessage()});
      return false;
    }
  }

  /** The lease goes back once no client of the session is open or closing here. */
  private synchronized void releaseUnlessReopened(long sessionId) {
    if (!clients.containsKey(sessionId) && !closingClients.containsKey(sessionId)) {
      try {
        leases.release(sessionId);
      } catch (RuntimeException failed) {
        LOG.log(
            Level.WARNING,
            "Session {0}: lease not given back, it runs out instead: {1}",
            new Object[] {sessionId, failed.getMessage()});
      }
    }
  }

  /**
   * Closes every client and waits (bounded) until TDLib reports them closed before stopping the
   * receive loop: a process that exits with TDLib clients still open can abort in TDLib's
   * destructors, which inside Liberty would take the server down with it.
   */
  @Override
  public synchronized void close() {
    shutDown = true;
    shuttingDown = clientsHere();
    CompletableFuture<?>[] closing =
        Stream.concat(clients.values().stream(), closingClients.values().stream())
            .map(TdlibSessionClient::closing)
            .toArray(CompletableFuture[]::new);
    clients.clear();
    closingClients.clear();
    boolean allClosed = false;
    try {
      CompletableFuture.allOf(closing).get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      allClosed = true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException late) {
      LOG.log(Level.WARNING, "TDLib clients did not all close within {0}", CLOSE_TIMEOUT);
    }
    states.ifPresent(TdlibStateKeeper::close); // their last states, now that they are closed
    // Only now may another node open them, from the states just saved. A client still closing
    // keeps its lease: it runs out now that the leases are no longer extended.
    if (leaseKeeping != null) {
      leaseKeeping.shutdownNow();
    }
    if (allClosed) {
      try {
        leases.releaseAll();
      } catch (RuntimeException failed) {
        LOG.log(
            Level.WARNING, "Session leases not given back, they run out: {0}", failed.getMessage());
      }
    }
    shuttingDown = Map.of();
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
    if (storeWork != null) {
      storeWork.shutdown(); // the clients are closed: no send is waiting for it any more
    }
  }

  /** Another node holds the session's lease (it has the session open), or none could be taken. */
  static final class OpenElsewhere extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    OpenElsewhere(long sessionId) {
      super(
          "Session "
              + sessionId
              + " is open on another node, or its lease could not be taken (rule 15: one node at"
              + " a time); it moves here when that node closes it or stops");
    }
  }

  private static CompletableFuture<SendOutcome> done(SendOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
