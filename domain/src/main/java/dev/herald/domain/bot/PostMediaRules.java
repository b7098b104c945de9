package dev.herald.domain.bot;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code media_ids} of a post (part of {@link BotConfigPolicy}): each names a medium the
 * account owns, once; a PHOTO, VIDEO, DOCUMENT or ANIMATION post takes one medium of its kind, an
 * ALBUM 2 to 10 photos and videos (Telegram's media group), text and forwards take none. No media
 * yet is an incomplete post, not an error: it can be saved, not started.
 */
final class PostMediaRules {

  private PostMediaRules() {}

  static List<MediaRef> media(
      PostType type,
      List<Long> ids,
      Collection<MediaRef> owned,
      String field,
      List<FieldError> errors) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    if (!type.carriesMedia()) {
      errors.add(
          new FieldError(
              field, "Only PHOTO, VIDEO, DOCUMENT, ANIMATION and ALBUM posts take media."));
      return List.of();
    }
    Map<Long, MediaRef> byId =
        owned.stream().collect(Collectors.toMap(MediaRef::id, Function.identity(), (a, b) -> a));
    List<MediaRef> media = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    int before = errors.size();
    for (int i = 0; i < ids.size(); i++) {
      Long id = ids.get(i);
      MediaRef ref = id == null ? null : byId.get(id);
      if (ref == null) {
        errors.add(
            new FieldError(
                field + "[" + i + "]", "No medium " + id + ": upload it first (POST /media)."));
      } else if (!seen.add(id)) {
        errors.add(new FieldError(field + "[" + i + "]", "Each medium can be in a post once."));
      } else {
        kindFits(type, ref, field + "[" + i + "]", errors);
        media.add(ref);
      }
    }
    countFits(type, ids.size(), field, errors);
    return errors.size() == before ? List.copyOf(media) : List.of();
  }

  private static void kindFits(PostType type, MediaRef ref, String at, List<FieldError> errors) {
    boolean fits =
        type == PostType.ALBUM
            ? ref.kind().fitsAlbum()
            : type.singleMediumKind().orElseThrow() == ref.kind();
    if (!fits) {
      String needs =
          type == PostType.ALBUM
              ? "albums take photos and videos."
              : "a " + type + " post needs " + article(type.singleMediumKind().get()) + ".";
      errors.add(
          new FieldError(at, "Medium " + ref.id() + " is " + article(ref.kind()) + "; " + needs));
    }
  }

  private static void countFits(PostType type, int count, String field, List<FieldError> errors) {
    if (type == PostType.ALBUM) {
      if (count < Post.MIN_ALBUM_SIZE || count > Post.MAX_ALBUM_SIZE) {
        errors.add(new FieldError(field, "An album takes 2 to 10 photos and videos."));
      }
    } else if (count != 1) {
      errors.add(new FieldError(field, "A " + type + " post takes one medium."));
    }
  }

  private static String article(MediaKind kind) {
    String word = kind.name().toLowerCase(Locale.ROOT);
    return (kind == MediaKind.ANIMATION ? "an " : "a ") + word;
  }
}
