package dev.herald.domain.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (see {@link PageRequest}) and the cursor of the next one, null on the last.
 */
public record Page<T>(List<T> items, String nextCursor) {

  /** The same page with every item mapped, for the API's views. */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
  }
}
