package dev.herald.domain.media;

import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.telegram.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link MediaStore} in memory, for unit tests of the service and the transports; media that a post
 * uses are named with {@link #markInUse}.
 */
public final class InMemoryMediaStore implements MediaStore {

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Medium> media = new ConcurrentHashMap<>();
  private final Map<Long, byte[]> contents = new ConcurrentHashMap<>();
  private final Map<String, String> remoteIds = new ConcurrentHashMap<>();
  private final Set<Long> inUse = ConcurrentHashMap.newKeySet();
  private final AtomicLong contentReads = new AtomicLong();
  private final Set<String> fileCallers = ConcurrentHashMap.newKeySet();

  /** Stores bytes as an upload would, for a transport test; returns the stored medium. */
  public Medium add(long accountId, MediaFormat format, byte[] bytes) {
    return insert(new NewMedium(accountId, format, null, bytes, "0".repeat(64)), Integer.MAX_VALUE)
        .orElseThrow();
  }

  public void markInUse(long id) {
    inUse.add(id);
  }

  /** How many times a transport read media bytes (once per sender and medium, at most). */
  /** The threads that read content or read or wrote remote file ids (what a send does). */
  public Set<String> fileCallers() {
    return fileCallers;
  }

  public long contentReads() {
    return contentReads.get();
  }

  @Override
  public synchronized Optional<Medium> insert(NewMedium m, int maxCount) {
    long owned = media.values().stream().filter(x -> x.accountId() == m.accountId()).count();
    if (owned >= maxCount) {
      return Optional.empty();
    }
    long id = ids.incrementAndGet();
    Medium stored =
        new Medium(
            id,
            m.accountId(),
            m.format().kind(),
            m.format().contentType(),
            m.fileName(),
            m.bytes().length,
            m.sha256(),
            Instant.now());
    media.put(id, stored);
    contents.put(id, m.bytes().clone());
    return Optional.of(stored);
  }

  @Override
  public Optional<Medium> find(long accountId, long id) {
    return Optional.ofNullable(media.get(id)).filter(m -> m.accountId() == accountId);
  }

  @Override
  public List<Medium> findAll(long accountId, Collection<Long> wanted) {
    return wanted.stream().flatMap(id -> find(accountId, id).stream()).toList();
  }

  @Override
  public Page<Medium> list(long accountId, PageRequest page) {
    List<Medium> fetched =
        media.values().stream()
            .filter(m -> m.accountId() == accountId)
            .filter(m -> page.after() == null || m.id() < page.after())
            .sorted(Comparator.comparingLong(Medium::id).reversed())
            .limit(page.fetchSize())
            .toList();
    return page.page(new ArrayList<>(fetched), Medium::id);
  }

  @Override
  public Deletion delete(long accountId, long id) {
    if (find(accountId, id).isEmpty()) {
      return Deletion.NOT_FOUND;
    }
    if (inUse.contains(id)) {
      return Deletion.IN_USE;
    }
    media.remove(id);
    contents.remove(id);
    return Deletion.DELETED;
  }

  @Override
  public Optional<byte[]> content(long id) {
    contentReads.incrementAndGet();
    fileCallers.add(Thread.currentThread().getName());
    return Optional.ofNullable(contents.get(id)).map(byte[]::clone);
  }

  @Override
  public Optional<String> remoteFileId(long mediumId, Sender sender) {
    fileCallers.add(Thread.currentThread().getName());
    return Optional.ofNullable(remoteIds.get(key(mediumId, sender)));
  }

  @Override
  public void rememberRemoteFileId(long mediumId, Sender sender, String remoteFileId) {
    fileCallers.add(Thread.currentThread().getName());
    if (media.containsKey(mediumId)) {
      remoteIds.put(key(mediumId, sender), remoteFileId);
    }
  }

  private static String key(long mediumId, Sender sender) {
    return mediumId + "/" + sender.kind() + "/" + sender.id();
  }
}
