package dev.herald.domain.billing;

import java.time.Duration;

/** The shared HMAC secret and how far an event's timestamp may be from now. */
public record BillingPolicy(byte[] secret, Duration replayWindow) {}
