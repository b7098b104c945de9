package dev.herald.api.session;

import jakarta.validation.constraints.NotNull;

/** A session to add: its phone number and the API pair it logs in with. */
public record SessionRequest(
    @NotNull(message = "Give the phone number in international format.") String phone,
    @NotNull(message = "Give the id of the API pair to log in with.") Long apiPairId) {}
