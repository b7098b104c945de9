package dev.herald.domain.targets;

import dev.herald.domain.bot.BotService;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.TelegramGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tenant sees of its targets ({@code GET /bot/targets}): every configured group, in the
 * order of the bot config (the page key is the position), with each sender's record.
 */
@ApplicationScoped
public class TargetService {

  @Inject BotService bots;
  @Inject TargetStore store;
  @Inject TelegramGateway gateway;

  public Page<TargetOverview> targets(long accountId, PageRequest request) {
    List<ChatReference> groups = bots.config(accountId).targetGroups();
    int from = request.after() == null ? 0 : (int) Math.min(request.after() + 1, groups.size());
    int to = Math.min(groups.size(), from + request.fetchSize());
    if (from >= to) {
      return new Page<>(List.of(), null);
    }
    Map<TargetKey, ChatTarget> records = store.forAccount(accountId);
    Map<String, Instant> delivered = store.lastDelivered(accountId);
    List<TargetOverview> page = new ArrayList<>();
    for (int position = from; position < to; position++) {
      String chat = groups.get(position).canonical();
      page.add(overview(position, chat, records, Optional.ofNullable(delivered.get(chat))));
    }
    return request.page(page, TargetOverview::position);
  }

  private TargetOverview overview(
      int position,
      String chat,
      Map<TargetKey, ChatTarget> records,
      Optional<Instant> lastDelivered) {
    List<ChatTarget> mine =
        records.values().stream()
            .filter(target -> target.key().chat().equals(chat))
            .sorted(
                Comparator.comparing((ChatTarget t) -> t.key().senderKind())
                    .thenComparingLong(t -> t.key().senderId()))
            .toList();
    Optional<ChatTarget> resolved = mine.stream().filter(ChatTarget::resolved).findFirst();
    List<TargetOverview.SenderStanding> senders =
        mine.stream()
            .map(
                target ->
                    new TargetOverview.SenderStanding(
                        target.key().senderLabel(),
                        gateway.transport(target.key().senderKind()),
                        target.membership(),
                        target.nextPostAt(),
                        target.lastError()))
            .toList();
    return new TargetOverview(
        position,
        chat,
        mine.stream().map(ChatTarget::title).filter(t -> t != null).findFirst(),
        resolved.isPresent(),
        mine.stream().mapToInt(ChatTarget::slowModeSeconds).max().orElse(0),
        lastDelivered,
        senders);
  }
}
