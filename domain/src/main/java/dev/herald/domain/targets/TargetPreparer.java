package dev.herald.domain.targets;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Sender;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The transport side of targets: before a sender's first post to a chat (and again when a check is
 * due), resolve the chat (reusing {@code known}'s resolved id, so a username is resolved once),
 * then join it (a session, when {@code mayJoin}; otherwise it answers {@link
 * TargetErrors#JOIN_PACED}) or check that a bot was added and may post. Never throws for a Telegram
 * answer.
 */
public interface TargetPreparer {

  CompletionStage<Preparation> prepare(
      Sender sender, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin);

  /** A transport that cannot prepare: every chat is taken as ready and addressed as written. */
  TargetPreparer AS_WRITTEN =
      (sender, chat, known, mayJoin) ->
          CompletableFuture.completedFuture(
              Preparation.ready(known.map(ChatTarget::chatId).orElse(0L), null, 0, false));
}
