package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The media rules of a bot configuration: the media exist, are the tenant's, and fit the type. */
class PostMediaRulesTest {

  private static final PlanLimits LIMITS = PlanLimits.defaults();
  private static final MediaRef PHOTO_1 = new MediaRef(1, MediaKind.PHOTO);
  private static final MediaRef VIDEO_2 = new MediaRef(2, MediaKind.VIDEO);
  private static final MediaRef DOC_3 = new MediaRef(3, MediaKind.DOCUMENT);
  private static final MediaRef GIF_4 = new MediaRef(4, MediaKind.ANIMATION);
  private static final List<MediaRef> OWNED = List.of(PHOTO_1, VIDEO_2, DOC_3, GIF_4);

  private static BotConfigInput input(String type, String caption, List<Long> ids) {
    return new BotConfigInput(
        List.of("@media_chat"), type, caption, null, null, null, null, null, null, null, null, ids);
  }

  private static BotConfig valid(String type, String caption, Long... ids) {
    return BotConfigPolicy.validate(input(type, caption, List.of(ids)), LIMITS, OWNED);
  }

  private static List<FieldError> errors(String type, String caption, List<Long> ids) {
    return assertThrows(
            InvalidInputException.class,
            () -> BotConfigPolicy.validate(input(type, caption, ids), LIMITS, OWNED))
        .errors();
  }

  @Test
  void eachSingleMediumTypeTakesOneOwnedMediumOfItsKindWithAnOptionalCaption() {
    assertEquals(
        Post.media(PostType.PHOTO, "Look", List.of(PHOTO_1)),
        valid("PHOTO", "Look", 1L).post().orElseThrow());
    assertEquals(List.of(VIDEO_2), valid("VIDEO", null, 2L).post().orElseThrow().media());
    assertEquals(List.of(DOC_3), valid("DOCUMENT", null, 3L).firstPost().media());
    assertEquals(List.of(GIF_4), valid("ANIMATION", "gif", 4L).firstPost().media());
    assertTrue(valid("PHOTO", null, 1L).post().orElseThrow().caption().isEmpty());
  }

  @Test
  void configIsRefusedWhenAMediumIsUnknownOrAnotherTenantsWhichLookTheSame() {
    assertEquals(
        List.of(new FieldError("media_ids[0]", "No medium 77: upload it first (POST /media).")),
        errors("PHOTO", null, List.of(77L)));
  }

  @Test
  void configIsRefusedWhenTheMediumsKindDoesNotFitTheType() {
    assertEquals(
        List.of(new FieldError("media_ids[0]", "Medium 2 is a video; a PHOTO post needs a photo.")),
        errors("PHOTO", null, List.of(2L)));
    assertEquals("media_ids[1]", errors("ALBUM", null, List.of(1L, 3L)).get(0).field());
    assertEquals("media_ids[1]", errors("ALBUM", null, List.of(1L, 4L)).get(0).field());
  }

  @Test
  void configIsRefusedWhenAnAlbumHasFewerThanTwoOrMoreThanTenMedia() {
    assertEquals(
        List.of(new FieldError("media_ids", "An album takes 2 to 10 photos and videos.")),
        errors("ALBUM", null, List.of(1L)));
    List<MediaRef> eleven = new ArrayList<>();
    LongStream.rangeClosed(10, 20).forEach(id -> eleven.add(new MediaRef(id, MediaKind.PHOTO)));
    List<Long> ids = eleven.stream().map(MediaRef::id).toList();
    List<FieldError> tooMany =
        assertThrows(
                InvalidInputException.class,
                () -> BotConfigPolicy.validate(input("ALBUM", null, ids), LIMITS, eleven))
            .errors();
    assertEquals(
        List.of(new FieldError("media_ids", "An album takes 2 to 10 photos and videos.")), tooMany);
    BotConfig ten =
        BotConfigPolicy.validate(input("ALBUM", null, ids.subList(0, 10)), LIMITS, eleven);
    assertEquals(10, ten.post().orElseThrow().media().size());
  }

  @Test
  void configIsRefusedWhenASingleMediumPostNamesTwoOrAMediumTwice() {
    assertEquals(
        List.of(new FieldError("media_ids", "A PHOTO post takes one medium.")),
        errors("PHOTO", null, List.of(1L, 1L)).subList(1, 2));
    assertEquals("media_ids[1]", errors("ALBUM", null, List.of(1L, 1L)).get(0).field());
  }

  @Test
  void configIsRefusedWhenACaptionIsOver1024CharactersOrTextAndForwardsNameMedia() {
    assertEquals(
        List.of(
            new FieldError(
                "post_text", "A caption is 1025 characters once formatted; Telegram allows 1024.")),
        errors("PHOTO", "x".repeat(1025), List.of(1L)));
    assertEquals(1024, valid("PHOTO", "x".repeat(1024), 1L).postText().length());
    assertEquals("media_ids", errors("TEXT", "hello", List.of(1L)).get(0).field());
  }

  @Test
  void aMediaPostWithoutMediaCanBeSavedButNotStarted() {
    BotConfig draft = BotConfigPolicy.validate(input("ALBUM", "soon", null), LIMITS);
    assertTrue(draft.post().isEmpty());
    assertEquals("media_ids", draft.missingForStart().get(0).field());
  }

  /** A configuration of {@code posts}, no shorthand. */
  private static BotConfigInput listed(BotConfigInput.PostInput... posts) {
    return new BotConfigInput(
        List.of("@media_chat"),
        null,
        null,
        null,
        null,
        List.of(posts),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void eachPostOfAListHasItsOwnMediaCheckedUnderItsOwnName() {
    BotConfigInput.PostInput text = new BotConfigInput.PostInput("TEXT", "Hello", null, null, null);
    BotConfigInput.PostInput album =
        new BotConfigInput.PostInput("ALBUM", "Both", null, null, null, List.of(1L, 2L));
    List<FieldError> errors =
        assertThrows(
                InvalidInputException.class,
                () ->
                    BotConfigPolicy.validate(
                        listed(
                            text,
                            album,
                            new BotConfigInput.PostInput(
                                "VIDEO", null, null, null, null, List.of(1L))),
                        LIMITS,
                        OWNED))
            .errors();
    assertEquals(
        List.of(
            new FieldError(
                "posts[2].media_ids[0]", "Medium 1 is a photo; a VIDEO post needs a video.")),
        errors);

    BotConfigInput fixed =
        listed(
            text,
            album,
            new BotConfigInput.PostInput("VIDEO", null, null, null, null, List.of(2L)));
    BotConfig config = BotConfigPolicy.validate(fixed, LIMITS, OWNED);
    assertEquals(List.of(PHOTO_1, VIDEO_2), config.posts().get(1).media());
    assertEquals(List.of(VIDEO_2), config.posts().get(2).media());
    assertEquals(List.of(1L, 2L, 2L), fixed.allMediaIds());
  }
}
