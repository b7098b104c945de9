package dev.herald.telegram.sandbox;

import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.ChatKind;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;

/**
 * The small world {@code ./herald run} starts with (listed in telegram/README.md): two open public
 * groups, one with a 30 s slow mode, a channel that sessions may join but not post in, its
 * discussion group, and a private group behind an invite link whose join requests nobody approves.
 */
final class DemoWorld {

  static final String LOUNGE = "sandbox_lounge";
  static final String MARKET = "sandbox_market";
  static final String SLOW = "sandbox_slow";
  static final String NEWS = "sandbox_news";
  static final String NEWS_COMMENTS = "sandbox_news_chat";
  static final String PRIVATE_CLUB = "https://t.me/+SandboxPrivateClub";

  private DemoWorld() {}

  static void seed(TelegramWorld world) {
    world.createChat(NewChat.supergroup("Sandbox Lounge").username(LOUNGE));
    world.createChat(NewChat.supergroup("Sandbox Market").username(MARKET));
    world.createChat(NewChat.supergroup("Sandbox Slow Mode (30 s)").username(SLOW).slowMode(30));
    Chat news = world.createChat(NewChat.channel("Sandbox News").username(NEWS));
    world.createChat(
        NewChat.of(ChatKind.DISCUSSION_GROUP, "Sandbox News comments")
            .username(NEWS_COMMENTS)
            .discussionOf(news.id()));
    world.createChat(
        NewChat.supergroup("Sandbox Private Club").inviteLink(PRIVATE_CLUB).joinByRequest());
  }
}
