package dev.herald.domain.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.DomainException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.shared.ProblemType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaServiceTest {

  private static final long ACCOUNT = 1;
  private static final PlanLimits SMALL_PLAN = new PlanLimits(7, 50, 10, 300, 1_000, 64, 2, 10, 12);

  private final InMemoryMediaStore store = new InMemoryMediaStore();

  /** The service on an account repository that knows no account: the default plan applies. */
  private final MediaService service = new MediaService(store, new NoAccounts());

  private static final class NoAccounts implements AccountRepository {
    @Override
    public Optional<Account> findById(long id) {
      return Optional.empty();
    }

    @Override
    public Optional<Account> findBySubject(String subject) {
      return Optional.empty();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
      return Optional.empty();
    }

    @Override
    public List<Account> byId(Long afterId, int limit) {
      return List.of();
    }

    @Override
    public Account save(Account account) {
      return account;
    }

    @Override
    public Account createIfAbsent(Account account) {
      return account;
    }
  }

  private static void assertRefused(ProblemType type, Runnable upload) {
    DomainException e = assertThrows(DomainException.class, upload::run);
    assertEquals(type, e.type(), e.getMessage());
  }

  private static MediaFormat check(String claimed, byte[] bytes) {
    return MediaService.check(new MediaUpload("x", claimed, bytes), SMALL_PLAN);
  }

  @Test
  void theTypeComesFromTheBytesAndAClaimOfOctetStreamOrNoneIsAccepted() {
    assertEquals(MediaFormat.PNG, check(null, SampleMedia.png()));
    assertEquals(MediaFormat.PNG, check("application/octet-stream", SampleMedia.png()));
    assertEquals(MediaFormat.JPEG, check("image/jpg", SampleMedia.jpeg()));
  }

  @Test
  void uploadIsRefusedWithUnsupportedMediaTypeWhenTheBytesAreNotWhatTheyClaim() {
    assertRefused(ProblemType.MEDIA_TYPE_MISMATCH, () -> check("image/png", SampleMedia.jpeg()));
    assertRefused(ProblemType.MEDIA_TYPE_MISMATCH, () -> check("text/plain", SampleMedia.gif()));
    assertRefused(
        ProblemType.UNSUPPORTED_MEDIA_TYPE, () -> check("image/jpeg", "<html>".getBytes()));
    assertEquals(415, ProblemType.MEDIA_TYPE_MISMATCH.status());
  }

  @Test
  void uploadIsRefusedAsTooLargeOverThePlansSize() {
    assertRefused(ProblemType.MEDIA_TOO_LARGE, () -> check(null, new byte[65]));
    assertEquals(413, ProblemType.MEDIA_TOO_LARGE.status());
  }

  @Test
  void aPhotoOverTelegramsTenMegabytesIsRefusedWhateverThePlanAllows() {
    PlanLimits large = new PlanLimits(7, 50, 10, 300, 1_000, 50 * 1024 * 1024, 2, 10, 12);
    byte[] photo = Arrays.copyOf(SampleMedia.jpeg(), MediaService.MAX_PHOTO_BYTES + 1);
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> MediaService.check(new MediaUpload("big.jpg", null, photo), large));
    assertEquals(ProblemType.MEDIA_TOO_LARGE, refused.type());
    assertTrue(refused.getMessage().contains("10 MB"), refused.getMessage());
    byte[] video = Arrays.copyOf(SampleMedia.mp4(), MediaService.MAX_PHOTO_BYTES + 1);
    assertEquals(
        MediaFormat.MP4,
        MediaService.check(new MediaUpload("big.mp4", null, video), large),
        "a video of that size is within Telegram's limits");
  }

  @Test
  void uploadIsRefusedAsCorruptWhenCutShortOrEmpty() {
    assertRefused(
        ProblemType.MEDIA_CORRUPT, () -> check(null, SampleMedia.truncated(SampleMedia.png(), 2)));
    assertRefused(ProblemType.MEDIA_CORRUPT, () -> check(null, new byte[0]));
    assertEquals(400, ProblemType.MEDIA_CORRUPT.status());
  }

  @Test
  void uploadIsRefusedOverThePlansCountAndNothingIsStored() {
    for (int i = 0; i < PlanLimits.DEFAULT_MAX_MEDIA_COUNT; i++) {
      service.upload(ACCOUNT, new MediaUpload("a.gif", "image/gif", SampleMedia.gif()));
    }
    assertRefused(
        ProblemType.MEDIA_LIMIT_REACHED,
        () -> service.upload(ACCOUNT, new MediaUpload("b.gif", null, SampleMedia.gif())));
    assertEquals(
        PlanLimits.DEFAULT_MAX_MEDIA_COUNT,
        store.list(ACCOUNT, PageRequest.first(200)).items().size());
  }

  @Test
  void anUploadKeepsOnlyTheFileNamesLastSegmentAndItsSha256() {
    Medium m =
        service.upload(
            ACCOUNT, new MediaUpload("C:\\photos\\../cat.jpg", null, SampleMedia.jpeg()));
    assertEquals("cat.jpg", m.fileName());
    assertEquals(MediaKind.PHOTO, m.kind());
    assertEquals(64, m.sha256().length());
  }

  @Test
  void deleteOfAMediumInUseIsAConflictAndAnotherAccountsMediumIsNotFound() {
    Medium m = service.upload(ACCOUNT, new MediaUpload(null, null, SampleMedia.mp4()));
    store.markInUse(m.id());
    assertThrows(ConflictException.class, () -> service.delete(ACCOUNT, m.id()));
    assertThrows(NotFoundException.class, () -> service.delete(2, m.id()));
    assertThrows(NotFoundException.class, () -> service.get(2, m.id()));
    assertTrue(store.find(ACCOUNT, m.id()).isPresent());
    assertEquals(Optional.of(m), store.find(ACCOUNT, m.id()));
  }
}
