package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Instant;

/** One post the sandbox would have sent, with the outcome it answered. */
public record SandboxDelivery(
    Instant at, Sender sender, ChatReference chat, Post post, SendOutcome outcome) {}
