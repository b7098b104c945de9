package dev.herald.scheduler.engine;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.telegram.ChatReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A cycle's groups with each chat named once. A config may name one chat twice in ways only
 * Telegram can tell apart ({@code @group} and its {@code -100…} id, or an invite link to it), and
 * each name would take a post every cycle: two posts in one chat, which its members report as spam.
 * Two names are one chat once Herald knows both ids: a numeric reference is its own id, any other
 * name has the id a sender's record resolved it to (any sender: chat ids are Telegram's, not the
 * account's). Until a name is resolved (the cycle after it first appeared), it is posted as
 * written. Of the names of one chat, the first that one of the cycle's senders can use is kept (an
 * invite link is of no use to a cycle with only the tenant's bot); the others are left out.
 *
 * <p>Only configs that name a chat by id or by invite link are looked at: two usernames are taken
 * for two chats (a chat's second, collectible username is rare), so the usual config costs nothing.
 */
final class OneNamePerChat {

  private OneNamePerChat() {}

  /**
   * {@code groups} in their order without the later names of a chat; {@code known}: the account's
   * records; {@code usable}: whether one of the cycle's senders can post under a name.
   */
  static List<ChatReference> of(
      List<ChatReference> groups, Collection<ChatTarget> known, Predicate<ChatReference> usable) {
    if (groups.size() < 2
        || groups.stream().allMatch(g -> g.kind() == ChatReference.Kind.USERNAME)) {
      return groups;
    }
    Map<String, Long> resolved = new HashMap<>();
    for (ChatTarget target : known) {
      if (target.resolved()) {
        resolved.putIfAbsent(withoutTopic(target.key().chat()), target.chatId());
      }
    }
    Map<Long, List<ChatReference>> namesById = new LinkedHashMap<>();
    for (ChatReference group : groups) {
      Long id =
          group.kind() == ChatReference.Kind.CHAT_ID
              ? Long.valueOf(group.chatId())
              : resolved.get(group.chat().canonical());
      if (id != null) {
        namesById.computeIfAbsent(id, any -> new ArrayList<>()).add(group);
      }
    }
    Set<ChatReference> leftOut = new HashSet<>();
    for (List<ChatReference> names : namesById.values()) {
      if (names.size() > 1) {
        ChatReference kept = names.stream().filter(usable).findFirst().orElse(names.get(0));
        names.stream().filter(name -> !name.equals(kept)).forEach(leftOut::add);
      }
    }
    return leftOut.isEmpty() ? groups : groups.stream().filter(g -> !leftOut.contains(g)).toList();
  }

  /** A stored reference's chat, without its forum topic. */
  private static String withoutTopic(String canonical) {
    return ChatReference.namesTopic(canonical)
        ? canonical.substring(0, canonical.indexOf('/'))
        : canonical;
  }
}
