package dev.herald.domain.bot;

import dev.herald.domain.telegram.Sender;
import java.time.Instant;

/**
 * One of a bot's senders as the tenant sees it: what it is, the transport its posts go through and
 * whether that transport is a dry run (posts reach no real Telegram), and whether it can send now.
 *
 * @param name how the tenant recognises it ({@code user-bot @name}, {@code session#7 +44***12})
 * @param available it can send now
 * @param availableAt when a sender that cannot send now can again by itself (a flood wait's end);
 *     null when it can send now or only the tenant or an admin can make it available
 * @param note why it cannot send, in words; null when it can
 */
public record SenderLabel(
    String name,
    Sender.Kind kind,
    String transport,
    boolean dryRun,
    boolean available,
    Instant availableAt,
    String note) {}
