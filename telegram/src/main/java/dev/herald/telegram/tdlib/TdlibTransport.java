package dev.herald.telegram.tdlib;

import dev.herald.domain.engine.SessionLeases;
import dev.herald.domain.engine.ThisNode;
import dev.herald.domain.media.MediaStore;
import dev.herald.domain.session.LoginStepMailbox;
import dev.herald.domain.session.SessionApiPairs;
import dev.herald.domain.session.SessionProxies;
import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.targets.TargetStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's TDLib sessions, created on first use so the server starts (and other transports
 * work) without the library: {@link #status()} is what readiness reports. The receive loop runs on
 * a thread of {@code java:comp/DefaultManagedThreadFactory} when one can be looked up, or a plain
 * thread outside a container.
 */
@ApplicationScoped
public class TdlibTransport {

  private static final Logger LOG = Logger.getLogger(TdlibTransport.class.getName());
  private static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

  @Inject TdlibSettings settings;
  @Inject SessionApiPairs apiPairs;
  @Inject SessionProxies proxies;

  /** Where sessions' TDLib states live (PostgreSQL in the server); unresolvable in bare tests. */
  @Inject Instance<SessionStateStore> stateStores;

  /** Where sessions' leases live (PostgreSQL in the server); unresolvable in bare tests. */
  @Inject Instance<SessionLeases> sessionLeases;

  @Inject ThisNode thisNode;

  /** Where login steps pass between nodes (PostgreSQL in the server); unresolvable in tests. */
  @Inject Instance<LoginStepMailbox> loginStepMailboxes;

  /** Where media posts' files live (PostgreSQL in the server); unresolvable in bare tests. */
  @Inject Instance<MediaStore> mediaStores;

  /**
   * Where the sessions' chat ids are recorded (PostgreSQL in the server); unresolvable in tests.
   */
  @Inject Instance<TargetStore> targetStores;

  private TdlibLibrary library;
  private TdlibSessions sessions;
  private LoginStepRelay loginSteps;
  private ThreadFactory threads;

  public synchronized TdlibStatus status() {
    if (settings.onModel() && settings.prodProfile()) {
      return TdlibStatus.down(
          "model", "herald.tdlib.library=model is for dev and tests; the prod profile refuses it");
    }
    TdlibStatus loaded = library().status();
    if (loaded.available() && key().isEmpty()) {
      return TdlibStatus.down(
          loaded.libraryPath(), "herald.tdlib.database-key is not set (base64, >= 16 bytes)");
    }
    return loaded;
  }

  /** The sessions, or empty with {@link #status()} saying why. */
  public synchronized Optional<TdlibSessions> sessions() {
    if (sessions == null && status().available()) {
      sessions = newSessions().useProxies(proxies::of).leasedThrough(leases());
      // Steps asked elsewhere of the logins this node starts are answered from the start.
      loginSteps = newLoginSteps(sessions);
    }
    return Optional.ofNullable(sessions);
  }

  /**
   * A login's code, new code and password, run here or by the node running the login; empty with
   * {@link #status()} saying why.
   */
  public synchronized Optional<LoginStepRelay> loginSteps() {
    return sessions().map(open -> loginSteps);
  }

  private LoginStepRelay newLoginSteps(TdlibSessions open) {
    if (loginStepMailboxes == null || !loginStepMailboxes.isResolvable()) {
      return LoginStepRelay.alone(open);
    }
    return LoginStepRelay.across(
        open,
        loginStepMailboxes.get(),
        thisNode.id(),
        settings.config().loginStepTimeout(),
        threads());
  }

  /** Rule 15 across nodes; without a lease store (bare tests) this process is alone. */
  private ClientLeases leases() {
    if (sessionLeases == null || !sessionLeases.isResolvable()) {
      LOG.warning("No session lease store: this node assumes it is the only one opening sessions");
      return ClientLeases.none();
    }
    return ClientLeases.of(sessionLeases.get(), thisNode.id(), settings.sessionLease());
  }

  /** A session's own API pair, its hash decrypted (never a configured default). */
  private TdlibSessions.OwnApiPairs ownApiPairs() {
    return sessionId ->
        apiPairs.of(sessionId).map(pair -> new ApiPair(pair.apiId(), pair.apiHash()));
  }

  private TdlibSessions newSessions() {
    TdlibSessions created = sessionsWithState();
    if (mediaStores != null && mediaStores.isResolvable()) {
      created.useMedia(mediaStores.get());
    }
    if (targetStores != null && targetStores.isResolvable()) {
      TargetStore targets = targetStores.get();
      created.useKnownChatIds(targets::chatIdOf);
    }
    return created;
  }

  private TdlibSessions sessionsWithState() {
    TdlibConfig config = settings.config();
    if (stateStores == null || !stateStores.isResolvable()) {
      LOG.log(
          Level.WARNING,
          "No session state store: TDLib sessions live only in {0}",
          config.dataDir());
      return new TdlibSessions(library(), config, key().orElseThrow(), threads(), Clock.systemUTC())
          .withOwnApiPairs(ownApiPairs());
    }
    LOG.log(
        Level.INFO,
        "TDLib session states are kept in the database; {0} is a cache",
        config.dataDir());
    return new TdlibSessions(library(), config, key().orElseThrow(), threads(), Clock.systemUTC())
        .withOwnApiPairs(ownApiPairs())
        .keepingStateIn(stateStores.get(), thisNode.id(), settings.stateCheckInterval());
  }

  /** The library, loaded if it was not (parsing formatted text needs nothing else). */
  synchronized TdlibLibrary loadedLibrary() {
    return library();
  }

  private TdlibLibrary library() {
    if (library == null) {
      library =
          settings.onModel()
              ? TdlibLibrary.model(Clock.systemUTC(), settings.modelRecordFile())
              : TdlibLibrary.load(settings.libraryPath(), settings.logVerbosity());
    }
    return library;
  }

  /** On the model nothing reaches Telegram: a dry run. */
  public boolean onModel() {
    return settings.onModel();
  }

  private Optional<byte[]> key() {
    return settings.databaseKey().filter(bytes -> bytes.length >= 16);
  }

  private ThreadFactory threads() {
    if (threads == null) {
      try {
        threads = (ThreadFactory) new InitialContext().lookup(DEFAULT_THREAD_FACTORY);
      } catch (NamingException | RuntimeException noContainer) {
        LOG.log(
            Level.INFO,
            "No {0}; the TDLib receive loop uses a plain thread",
            DEFAULT_THREAD_FACTORY);
        threads = Thread::new;
      }
    }
    return threads;
  }

  @PreDestroy
  synchronized void shutdown() {
    if (loginSteps != null) {
      loginSteps.close();
    }
    if (sessions != null) {
      sessions.close();
    }
  }
}
