package dev.herald.api.session;

import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import java.time.Instant;

/** An API pair as admins see it: never its hash, its proxy without the secret. */
public record ApiPairView(
    long id, int apiId, int capacity, long inUse, Instant createdAt, ProxyView proxy) {

  static ApiPairView of(ApiPairUsage usage) {
    return new ApiPairView(
        usage.pair().id(),
        usage.pair().apiId(),
        usage.pair().capacity(),
        usage.inUse(),
        usage.pair().createdAt(),
        ProxyView.of(usage.pair().proxy()));
  }
}
