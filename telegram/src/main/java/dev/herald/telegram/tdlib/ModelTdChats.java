package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.ChatKind;
import dev.herald.telegram.model.ChatMembership;
import dev.herald.telegram.model.InviteLinkInfo;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.model.TelegramWorld;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ModelTdJson}'s answers to TDLib's chat requests, on the model's {@link TelegramWorld} for
 * one user account, in TDLib 1.8.67's shapes ({@code td_api.tl}): chats with their type,
 * supergroups with the account's own status, slow mode in the full info, invite link infos, and
 * joins answered as a {@code ChatJoinResult}. Nothing is joined on the account's behalf: a session
 * is a member only once it joined, as on Telegram. A {@code @username} nobody created yet is a
 * public supergroup anyone may join (so a dev server can post to any name), created on first
 * contact; every other rule (join requests, bans, channels, slow mode, limits) is the world's.
 */
final class ModelTdChats {

  /** The world's chat ids are {@code -100} followed by the supergroup's (or channel's) id. */
  private static final long CHANNEL_ID_BASE = -1_000_000_000_000L;

  private final TelegramWorld world;

  ModelTdChats(TelegramWorld world) {
    this.world = world;
  }

  /**
   * TDLib's answer to a chat request, or empty when {@code type} is none; Telegram's refusals are
   * thrown as the world throws them, TDLib's own as a {@link TdlibException}. {@code joinedPublic}
   * hears the username of each public chat the account joins.
   */
  Optional<JsonObjectBuilder> answer(
      Account account,
      ModelTdSeenChats seen,
      String type,
      JsonObject request,
      Consumer<String> joinedPublic) {
    return Optional.ofNullable(
        switch (type) {
          case "searchPublicChat" ->
              chat(seen, publicChat(account, seen, request.getString("username")));
          case "getChat" -> chat(seen, world.getChat(account, seenChat(seen, request, "chat_id")));
          case "getSupergroup" -> supergroup(account, seenSupergroup(seen, request));
          case "getBasicGroup" -> basicGroup(account, seen, number(request, "basic_group_id"));
          case "createSupergroupChat" ->
              chat(seen, world.getChat(account, chatOf(number(request, "supergroup_id"))));
          case "getSupergroupFullInfo" -> fullInfo(account, seenSupergroup(seen, request));
          case "joinChat" ->
              joined(
                  seen,
                  joinedPublic,
                  () -> world.joinChat(account, seenChat(seen, request, "chat_id")));
          case "checkChatInviteLink" ->
              linkInfo(seen, world.checkChatInviteLink(account, request.getString("invite_link")));
          case "joinChatByInviteLink" ->
              joined(
                  seen,
                  joinedPublic,
                  () -> world.joinChatByInviteLink(account, request.getString("invite_link")));
          case "getMessageLinkInfo" -> messageLink(account, seen, request.getString("url"));
          case "loadChats" -> loadChats(account, seen, request);
          default -> null;
        });
  }

  /** The chat id of {@code field}, refused as TDLib refuses a chat its client never saw. */
  static long seenChat(ModelTdSeenChats seen, JsonObject request, String field) {
    long chatId = number(request, field);
    if (!seen.knows(chatId)) {
      throw new TdlibException(400, "Chat not found");
    }
    return chatId;
  }

  private static long seenSupergroup(ModelTdSeenChats seen, JsonObject request) {
    long supergroupId = number(request, "supergroup_id");
    if (!seen.knows(chatOf(supergroupId))) {
      throw new TdlibException(400, "Supergroup not found");
    }
    return supergroupId;
  }

  /**
   * {@code loadChats} of the main list: the chats the account is in become known to the client at
   * once (the model's list is one page); asked again, TDLib's 404 says all are loaded. The model
   * archives nothing.
   */
  private JsonObjectBuilder loadChats(Account account, ModelTdSeenChats seen, JsonObject request) {
    JsonObject list = request.getJsonObject("chat_list");
    if (seen.listLoaded() || !"chatListMain".equals(TdlibJson.type(list))) {
      throw new TdlibException(404, "Not Found");
    }
    for (ChatMembership member : world.memberships()) {
      if (member.account().equals(account) && member.membership().joined()) {
        seen.learn(member.chat().id());
      }
    }
    seen.listLoaded(true);
    return obj("ok");
  }

  /**
   * The link of the message {@code messageId} (a TDLib id) of {@code chatId}, as {@link
   * TelegramWorld#forwardMessage} logs a forward's source.
   */
  String messageLink(long chatId, long messageId) {
    long serverId = TdlibMessages.serverMessageId(messageId);
    return world
        .chat(chatId)
        .flatMap(Chat::username)
        .map(username -> "https://t.me/" + username + "/" + serverId)
        .orElse("https://t.me/c/" + (CHANNEL_ID_BASE - chatId) + "/" + serverId);
  }

  /**
   * Makes {@code account} a member of the public chats of {@code usernames} again: what it joined
   * in another process's world ({@link ClientRecord#joined}), since Telegram has one world.
   */
  void rejoin(Account account, List<String> usernames) {
    synchronized (world) {
      for (String username : usernames) {
        Chat chat = createdOnContact(username, false);
        if (world.members(chat.id()).getOrDefault(account, Membership.LEFT) == Membership.LEFT) {
          world.setMembership(chat.id(), account, Membership.MEMBER);
        }
      }
    }
  }

  /**
   * The world's chat of a username, created on first contact (a channel when {@code channel}, else
   * a supergroup anyone may join) with an id derived from the username, so that every node's world
   * gives it the same id, as Telegram's one world does.
   */
  private Chat createdOnContact(String username, boolean channel) {
    synchronized (world) {
      Optional<Chat> existing = world.chatByUsername(username);
      if (existing.isPresent()) {
        return existing.get();
      }
      NewChat spec =
          (channel ? NewChat.channel(username) : NewChat.supergroup(username)).username(username);
      long id = idOf(username);
      return world.createChat(world.chat(id).isPresent() ? spec : spec.id(id));
    }
  }

  /** {@code -100} followed by 12 digits taken from the username's SHA-256. */
  private static long idOf(String username) {
    String hex =
        TdlibStateSnapshot.sha256(
            username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return CHANNEL_ID_BASE - (Long.parseLong(hex.substring(0, 12), 16) % 999_999_999_999L + 1);
  }

  /**
   * The chat of a username, created as a public supergroup when the world has none of it: from this
   * client's cache when it saw the chat, else resolved on Telegram (a resolution spent).
   */
  private Chat publicChat(Account account, ModelTdSeenChats seen, String username) {
    synchronized (world) {
      if (valid(username)) {
        createdOnContact(username, false);
      }
      boolean cached = world.chatByUsername(username).map(c -> seen.knows(c.id())).orElse(false);
      return cached
          ? world.searchPublicChat(account, username)
          : world.resolveUsername(account, username);
    }
  }

  private static boolean valid(String username) {
    return ChatReference.tryParse("@" + username).filter(chat -> !chat.hasTopic()).isPresent();
  }

  /**
   * {@code getBasicGroup}: the account's status, and once upgraded, inactive with the supergroup it
   * became ({@code upgraded_to_supergroup_id}).
   */
  private JsonObjectBuilder basicGroup(Account account, ModelTdSeenChats seen, long basicGroupId) {
    long chatId = chatOf(basicGroupId);
    if (!seen.knows(chatId)) {
      throw new TdlibException(400, "Basic group not found");
    }
    Chat chat = world.getChat(account, chatId);
    Membership membership = world.getChatMember(account, chatId, account).membership();
    return obj("basicGroup")
        .add("id", basicGroupId)
        .add("member_count", chat.memberCount())
        .add("status", status(membership))
        .add("is_active", chat.upgradedToChatId() == 0)
        .add(
            "upgraded_to_supergroup_id",
            chat.upgradedToChatId() == 0 ? 0 : CHANNEL_ID_BASE - chat.upgradedToChatId());
  }

  /** {@code getSupergroup}: the account's own status in it ({@code chatMemberStatus*}). */
  private JsonObjectBuilder supergroup(Account account, long supergroupId) {
    long chatId = chatOf(supergroupId);
    Chat chat = world.getChat(account, chatId);
    Membership membership = world.getChatMember(account, chatId, account).membership();
    return obj("supergroup")
        .add("id", supergroupId)
        .add("member_count", chat.memberCount())
        .add("status", status(membership))
        .add("is_channel", chat.kind() == ChatKind.CHANNEL)
        .add("is_forum", chat.isForum())
        .add("join_by_request", chat.joinByRequest());
  }

  private static JsonObjectBuilder status(Membership membership) {
    return switch (membership) {
      case LEFT -> obj("chatMemberStatusLeft");
      case MEMBER -> obj("chatMemberStatusMember").add("member_until_date", 0);
      case ADMINISTRATOR ->
          obj("chatMemberStatusAdministrator")
              .add("custom_title", "")
              .add("can_be_edited", false)
              .add(
                  "rights",
                  obj("chatAdministratorRights")
                      .add("can_post_messages", true)
                      .add("can_invite_users", true));
      case BANNED -> obj("chatMemberStatusBanned").add("banned_until_date", 0);
    };
  }

  /** {@code getSupergroupFullInfo}: the slow mode delay and what is left of it for the account. */
  private JsonObjectBuilder fullInfo(Account account, long supergroupId) {
    long chatId = chatOf(supergroupId);
    Chat chat = world.getChat(account, chatId);
    return obj("supergroupFullInfo")
        .add("member_count", chat.memberCount())
        .add("slow_mode_delay", chat.slowModeDelay())
        .add("slow_mode_delay_expires_in", world.slowModeLeft(account, chatId).toMillis() / 1000.0)
        .add("linked_chat_id", chat.linkedChatId());
  }

  /**
   * A join as TDLib 1.8.67 answers it: {@code chatJoinResultSuccess}, or {@code
   * chatJoinResultRequestSent} where Telegram answered {@code INVITE_REQUEST_SENT}.
   */
  private static JsonObjectBuilder joined(
      ModelTdSeenChats seen, Consumer<String> joinedPublic, Supplier<Chat> join) {
    try {
      Chat chat = join.get();
      seen.learn(chat.id());
      chat.username().ifPresent(joinedPublic);
      return obj("chatJoinResultSuccess").add("chat_id", chat.id());
    } catch (TelegramException refused) {
      if ("INVITE_REQUEST_SENT".equals(refused.error())) {
        return obj("chatJoinResultRequestSent");
      }
      throw refused;
    }
  }

  /** {@code checkChatInviteLink}: the chat's id only when the account is in it already. */
  private static JsonObjectBuilder linkInfo(ModelTdSeenChats seen, InviteLinkInfo info) {
    if (info.chatId() != 0) {
      seen.learn(info.chatId());
    }
    String type =
        switch (info.kind()) {
          case GROUP -> "inviteLinkChatTypeBasicGroup";
          case CHANNEL -> "inviteLinkChatTypeChannel";
          case SUPERGROUP, DISCUSSION_GROUP -> "inviteLinkChatTypeSupergroup";
        };
    return obj("chatInviteLinkInfo")
        .add("chat_id", info.chatId())
        .add("accessible_for", 0)
        .add("type", obj(type))
        .add("title", info.title())
        .add("member_count", info.memberCount())
        .add("creates_join_request", info.createsJoinRequest())
        .add("is_public", false);
  }

  /**
   * {@code getMessageLinkInfo}: a public source's chat is found (created as a channel on first
   * contact, as a username target is); a private one only when the account can see it, else TDLib's
   * answer without a message.
   */
  private JsonObjectBuilder messageLink(Account account, ModelTdSeenChats seen, String url) {
    MessageLink link = MessageLink.parse(url);
    Chat chat;
    synchronized (world) {
      if (link.chat().kind() == ChatReference.Kind.USERNAME) {
        String username = link.chat().username();
        createdOnContact(username, true);
        chat = world.searchPublicChat(account, username);
      } else {
        try {
          chat = world.getChat(account, link.chat().chatId());
        } catch (TelegramException unseen) {
          return obj("messageLinkInfo").add("is_public", false).add("chat_id", 0);
        }
      }
    }
    seen.learn(chat.id());
    return obj("messageLinkInfo")
        .add("is_public", chat.isPublic())
        .add("chat_id", chat.id())
        .add("message", obj("message").add("id", link.messageId() << 20).add("chat_id", chat.id()));
  }

  /**
   * A chat as TDLib describes it (a basic group, or a supergroup: a channel when broadcast), seen
   * by the client from then on.
   */
  private static JsonObjectBuilder chat(ModelTdSeenChats seen, Chat chat) {
    seen.learn(chat.id());
    JsonObjectBuilder type =
        chat.kind() == ChatKind.GROUP
            ? obj("chatTypeBasicGroup").add("basic_group_id", CHANNEL_ID_BASE - chat.id())
            : obj("chatTypeSupergroup")
                .add("supergroup_id", CHANNEL_ID_BASE - chat.id())
                .add("is_channel", chat.kind() == ChatKind.CHANNEL);
    return obj("chat").add("id", chat.id()).add("type", type).add("title", chat.title());
  }

  private static long chatOf(long supergroupId) {
    return CHANNEL_ID_BASE - supergroupId;
  }

  private static long number(JsonObject request, String field) {
    return request.getJsonNumber(field).longValue();
  }

  private static JsonObjectBuilder obj(String type) {
    return TdlibJson.object(type);
  }
}
