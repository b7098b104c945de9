package dev.herald.domain.media;

import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.telegram.Sender;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where media and the Telegram file ids of their senders live. */
public interface MediaStore {

  /** What {@link #delete} did. */
  enum Deletion {
    DELETED,
    NOT_FOUND,
    IN_USE
  }

  /**
   * Stores the medium unless its account has {@code maxCount} media already: the count and the
   * insert are one transaction under the account's lock, so concurrent uploads cannot pass the
   * limit together. Empty when the limit was reached (nothing stored).
   */
  Optional<Medium> insert(NewMedium medium, int maxCount);

  /** The account's medium; empty for another account's (which the caller must not learn of). */
  Optional<Medium> find(long accountId, long id);

  /** Those of {@code ids} that exist and belong to the account. */
  List<Medium> findAll(long accountId, Collection<Long> ids);

  /** The account's media, newest first. */
  Page<Medium> list(long accountId, PageRequest page);

  /** Deletes the account's medium unless a bot's post uses it. */
  Deletion delete(long accountId, long id);

  /** The bytes of a medium, for a sender that has no file id for it yet. */
  Optional<byte[]> content(long id);

  /** The file id Telegram gave this sender for the medium, if it was sent before. */
  Optional<String> remoteFileId(long mediumId, Sender sender);

  /** Keeps the file id Telegram gave the sender, so the medium is never uploaded by it again. */
  void rememberRemoteFileId(long mediumId, Sender sender, String remoteFileId);
}
