package dev.herald.domain.media;

import dev.herald.domain.shared.DomainException;
import dev.herald.domain.shared.ProblemType;

/**
 * An upload refused as a whole (nothing of it is stored): bytes of no accepted type or not of the
 * type claimed (415), over the plan's size (413), corrupt or over the plan's count (400).
 */
public class MediaRejectedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public MediaRejectedException(ProblemType type, String message) {
    super(type, message);
  }
}
