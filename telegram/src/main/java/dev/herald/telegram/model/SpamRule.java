package dev.herald.telegram.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's spam limit for one account: the same text sent to more than {@code spamChats} chats
 * the account is new in (joined within {@code newInChat}) earns {@code PEER_FLOOD}, and the account
 * stays limited for {@code spamPenalty}. Texts are remembered for {@code newInChat}, then
 * forgotten, which bounds the memory.
 */
final class SpamRule {

  private record Spread(Instant first, Set<Long> chats) {}

  private final Map<Long, Spread> byText = new HashMap<>();
  private Instant limitedUntil = Instant.MIN;

  boolean limited(Instant now) {
    return now.isBefore(limitedUntil);
  }

  /** True when sending this text to this chat would be one chat too many. */
  boolean wouldSpam(
      long digest, long chatId, boolean newInChat, TelegramLimits limits, Instant now) {
    forgetOld(limits.newInChat(), now);
    Spread spread = byText.get(digest);
    return newInChat
        && spread != null
        && !spread.chats().contains(chatId)
        && spread.chats().size() >= limits.spamChats();
  }

  void limit(TelegramLimits limits, Instant now) {
    limitedUntil = now.plus(limits.spamPenalty());
    byText.clear();
  }

  void sent(long digest, long chatId, boolean newInChat, Instant now) {
    if (newInChat) {
      byText.computeIfAbsent(digest, key -> new Spread(now, new HashSet<>())).chats().add(chatId);
    }
  }

  private void forgetOld(Duration window, Instant now) {
    byText.values().removeIf(spread -> !spread.first().plus(window).isAfter(now));
  }
}
