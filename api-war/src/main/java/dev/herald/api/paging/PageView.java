package dev.herald.api.paging;

import dev.herald.domain.shared.Page;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list on the wire: {@code items}, and {@code next_cursor} to pass as {@code cursor}
 * for the next page: {@code null} on the last page, written out (unlike other null fields) so that
 * a client can tell the end from a missing field.
 */
public record PageView<T>(List<T> items, @JsonbNillable String nextCursor) {

  public static <D, T> PageView<T> of(Page<D> page, Function<? super D, ? extends T> view) {
    Page<T> mapped = page.map(view);
    return new PageView<>(mapped.items(), mapped.nextCursor());
  }
}
