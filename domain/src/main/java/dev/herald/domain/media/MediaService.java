package dev.herald.domain.media;

import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A tenant's media: upload (checked from the bytes against the plan's limits, stored whole or not
 * at all), read, list, delete.
 */
@ApplicationScoped
public class MediaService {

  @Inject MediaStore store;
  @Inject AccountRepository accounts;

  public MediaService() {}

  /** For tests outside the container. */
  public MediaService(MediaStore store, AccountRepository accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  /**
   * Checks an upload and stores it. The order of the checks is the order of their cost: size (413),
   * type from the bytes (415, also when the bytes are not what the client claimed), structure (400
   * corrupt), then the count under the store's lock (400).
   */
  public Medium upload(long accountId, MediaUpload upload) {
    PlanLimits limits = limits(accountId);
    MediaFormat format = check(upload, limits);
    Optional<Medium> stored =
        store.insert(
            new NewMedium(accountId, format, fileName(upload), upload.bytes(), sha256(upload)),
            limits.maxMediaCount());
    return stored.orElseThrow(
        () ->
            new MediaRejectedException(
                ProblemType.MEDIA_LIMIT_REACHED,
                "Your plan allows at most "
                    + limits.maxMediaCount()
                    + " media; delete some (DELETE /media/{id}) before uploading more."));
  }

  /**
   * Telegram's limit for a photo, whatever the plan allows ("The photo must be at most 10 MB in
   * size", Bot API sendPhoto; the same for sessions): a larger one would be refused at every send.
   */
  static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

  /** The upload's format, or the reason it is refused; nothing is stored here. */
  static MediaFormat check(MediaUpload upload, PlanLimits limits) {
    byte[] bytes = upload.bytes();
    if (bytes.length == 0) {
      throw new MediaRejectedException(ProblemType.MEDIA_CORRUPT, "The file is empty.");
    }
    if (bytes.length > limits.maxMediaBytes()) {
      throw new MediaRejectedException(
          ProblemType.MEDIA_TOO_LARGE,
          "Your plan allows files of at most " + limits.maxMediaBytes() + " bytes.");
    }
    MediaFormat format =
        MediaFormat.detect(bytes)
            .orElseThrow(
                () ->
                    new MediaRejectedException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Accepted files: JPEG, PNG or WebP photos, GIF animations, MP4 videos,"
                            + " PDF or ZIP documents."));
    if (format.kind() == MediaKind.PHOTO && bytes.length > MAX_PHOTO_BYTES) {
      throw new MediaRejectedException(
          ProblemType.MEDIA_TOO_LARGE,
          "Telegram takes photos of at most " + MAX_PHOTO_BYTES + " bytes (10 MB).");
    }
    String claimed = upload.claimedContentType();
    if (claimsSomething(claimed) && MediaFormat.ofContentType(claimed).orElse(null) != format) {
      throw new MediaRejectedException(
          ProblemType.MEDIA_TYPE_MISMATCH,
          "The file was sent as " + claimed + " but its bytes are " + format.contentType() + ".");
    }
    if (!format.isWhole(bytes)) {
      throw new MediaRejectedException(
          ProblemType.MEDIA_CORRUPT,
          "The file starts as " + format.contentType() + " but is cut short or damaged.");
    }
    return format;
  }

  private static boolean claimsSomething(String contentType) {
    return contentType != null
        && !contentType.isBlank()
        && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/octet-stream");
  }

  public Medium get(long accountId, long id) {
    return store.find(accountId, id).orElseThrow(() -> notFound(id));
  }

  public Page<Medium> list(long accountId, PageRequest page) {
    return store.list(accountId, page);
  }

  /** Deletes a medium; one that a bot's post uses is refused (409) until the post changes. */
  public void delete(long accountId, long id) {
    switch (store.delete(accountId, id)) {
      case NOT_FOUND -> throw notFound(id);
      case IN_USE ->
          throw new ConflictException(
              ProblemType.MEDIUM_IN_USE,
              "Medium " + id + " is in your bot's post; change the post before deleting it.");
      case DELETED -> {}
    }
  }

  private PlanLimits limits(long accountId) {
    return accounts.findById(accountId).map(a -> a.plan().limits()).orElseGet(PlanLimits::defaults);
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("No medium " + id + ".");
  }

  private static String fileName(MediaUpload upload) {
    String name = upload.fileName();
    if (name == null || name.isBlank()) {
      return null;
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).strip();
    return base.length() > 255 ? base.substring(0, 255) : base;
  }

  private static String sha256(MediaUpload upload) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload.bytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
