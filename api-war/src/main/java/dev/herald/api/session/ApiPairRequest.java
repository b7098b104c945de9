package dev.herald.api.session;

import jakarta.validation.constraints.NotNull;

/** A new API pair from my.telegram.org; capacity defaults to 7 sessions. */
public record ApiPairRequest(
    @NotNull(message = "Give the api_id.") Integer apiId,
    @NotNull(message = "Give the api_hash.") String apiHash,
    Integer capacity) {}
