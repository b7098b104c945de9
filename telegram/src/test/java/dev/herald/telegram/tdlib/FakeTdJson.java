package dev.herald.telegram.tdlib;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory stand-in for libtdjson that answers like TDLib 1.8.67 for the requests Herald makes.
 * Scripted behaviour: phone {@code +15550000000} never gets an answer (Telegram unreachable), code
 * {@code 11111} and password {@code wrong} are refused, {@code @missing_chat} does not exist,
 * {@code @forbidden_chat} refuses writes, {@code @silent_chat} never confirms a send,
 * {@code @racy_chat} confirms before TDLib's answer to {@code sendMessage} is dispatched, {@code
 * @dropped_chat} deletes the message instead of sending it ({@code updateDeleteMessages}), {@code
 * @duplicated_chat} is answered {@code 406 AUTH_KEY_DUPLICATED} (two clients on one authorization);
 * {@link #holdParameters} and {@link #holdClose} keep clients starting or closing. Like
 * TDLib, it refuses requests before {@code setTdlibParameters} and chat requests before login, and
 * knows only chat ids it resolved (or was given with {@link #knowChat}); its synchronous methods
 * are {@link FakeTextEntities}'. {@link FakeTdJsonContractIT} compares it with the real library.
 */
final class FakeTdJson implements TdJson {

  static final String UNREACHABLE_PHONE = "+15550000000";
  static final String INVALID_PHONE = "+15550000001";
  static final String VERSION = "1.8.67";

  /**
   * A proxy server whose {@code testProxy} fails as a closed port does: {@code Connection refused}.
   */
  static final String DEAD_PROXY = "dead-proxy.example";

  /** What TDLib answers before {@code setTdlibParameters}; the rest is refused. */
  private static final Set<String> BEFORE_PARAMETERS =
      Set.of(
          "getOption",
          "setTdlibParameters",
          "close",
          // TDLib takes proxy requests before its parameters (it holds addProxy until it has them).
          "addProxy",
          "disableProxy",
          "testProxy");

  /** What needs a logged-in client: TDLib answers 401 Unauthorized before. */
  private static final Set<String> NEED_LOGIN =
      Set.of(
          "getChat",
          "searchPublicChat",
          "checkChatInviteLink",
          "joinChatByInviteLink",
          "getMessageLinkInfo",
          "sendMessage",
          "forwardMessages",
          "deleteMessages",
          "joinChat",
          "getSupergroup",
          "getSupergroupFullInfo",
          "loadChats");

  final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  final Set<String> receiveThreads = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
  private final Set<Integer> started = ConcurrentHashMap.newKeySet();
  private final Map<Integer, String> states = new ConcurrentHashMap<>();
  private final Set<Long> knownChats = ConcurrentHashMap.newKeySet();

  /** Chats the sessions joined (targets): a fake world of supergroups named by username. */
  private final Set<Long> joinedChats = ConcurrentHashMap.newKeySet();

  /** The invite link whose group needs an admin's approval (targets). */
  static final String APPROVAL_LINK = "https://t.me/+ApprovalNeededClub";

  /** The invite link of a supergroup anyone with the link joins at once ({@code open_club}). */
  static final String OPEN_LINK = "https://t.me/+OpenClubForAll";

  /** An invite link whose chat the session sees before joining ({@code preview_club}). */
  static final String PREVIEW_LINK = "https://t.me/+PreviewClubLink";

  private final AtomicInteger clients = new AtomicInteger();
  private final AtomicLong temporaryIds = new AtomicLong(1);
  private final Set<Integer> heldClosing = ConcurrentHashMap.newKeySet();
  private final Set<Integer> codeResent = ConcurrentHashMap.newKeySet();
  private volatile boolean holdParameters;

  /** How many of the next clients' parameters are refused for a wrong key. */
  private final java.util.concurrent.atomic.AtomicInteger wrongKeys =
      new java.util.concurrent.atomic.AtomicInteger();

  private volatile Duration answerDelay = Duration.ZERO;
  private final ScheduledExecutorService late =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "fake-tdlib-network");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean holdClose;

  /** The media methods (photos, videos, albums, files' remote ids): see {@link FakeTdlibMedia}. */
  final FakeTdlibMedia media = new FakeTdlibMedia();

  /** New clients stay starting: {@code setTdlibParameters} gets no answer (a slow database). */
  void holdParameters() {
    holdParameters = true;
  }

  /**
   * New clients' databases were written with another key: TDLib answers {@code setTdlibParameters}
   * 401 "Wrong database encryption key" (as the real library does, see {@code
   * TdlibStateRoundTripIT}) and keeps waiting for parameters; {@code false} accepts them again.
   */
  void wrongKey(boolean wrong) {
    wrongKeys.set(wrong ? Integer.MAX_VALUE : 0);
  }

  /** As {@link #wrongKey}, for the next {@code clients} clients only. */
  void wrongKeyFor(int clients) {
    wrongKeys.set(clients);
  }

  /** Clients asked to close stay closing until {@link #releaseClose}. */
  void holdClose() {
    holdClose = true;
  }

  /** Closes the clients {@link #holdClose} kept closing, and closes later ones at once again. */
  void releaseClose() {
    holdClose = false;
    for (Integer client : heldClosing) {
      state(client, "authorizationStateClosed");
    }
    heldClosing.clear();
  }

  @Override
  public int td_create_client_id() {
    return clients.incrementAndGet();
  }

  @Override
  public void td_send(int clientId, String request) {
    JsonObject json = TdlibJson.parse(request);
    requests.add(json);
    if (started.add(clientId)) {
      state(clientId, "authorizationStateWaitTdlibParameters");
    }
    answer(clientId, json);
  }

  @Override
  public String td_receive(double timeout) {
    receiveThreads.add(Thread.currentThread().getName());
    try {
      return out.poll((long) (timeout * 1000), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private volatile int logVerbosity = 1;

  /** TDLib's synchronous methods; everything else answers as TDLib does to td_execute. */
  @Override
  public String td_execute(String request) {
    JsonObject json = TdlibJson.parse(request);
    JsonObjectBuilder answer =
        switch (TdlibJson.type(json)) {
          case "getOption" ->
              "version".equals(json.getString("name", ""))
                  ? obj("optionValueString").add("value", VERSION)
                  : errorObject(400, "The option can't be get synchronously");
          case "setLogVerbosityLevel" -> {
            logVerbosity = json.getInt("new_verbosity_level");
            yield obj("ok");
          }
          case "getLogVerbosityLevel" ->
              obj("logVerbosityLevel").add("verbosity_level", logVerbosity);
          case "getTextEntities" ->
              Json.createObjectBuilder(FakeTextEntities.getTextEntities(json.getString("text")));
          case "parseTextEntities" ->
              Json.createObjectBuilder(
                  FakeTextEntities.parse(json.getString("text"), json.getJsonObject("parse_mode")));
          default -> errorObject(400, "The method can't be executed synchronously");
        };
    return answer.build().toString();
  }

  long count(String type) {
    return requests.stream().filter(r -> type.equals(TdlibJson.type(r))).count();
  }

  JsonObject last(String type) {
    return requests.stream()
        .filter(r -> type.equals(TdlibJson.type(r)))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** Telegram revokes the session: TDLib logs out and closes on its own. */
  void revoke(int clientId) {
    state(clientId, "authorizationStateLoggingOut");
    state(clientId, "authorizationStateClosed");
  }

  private void answer(int client, JsonObject request) {
    String extra = request.getString("@extra", "");
    String type = TdlibJson.type(request);
    String state = states.getOrDefault(client, "");
    if ("authorizationStateWaitTdlibParameters".equals(state)
        && !BEFORE_PARAMETERS.contains(type)) {
      error(
          client,
          extra,
          400,
          "Initialization parameters are needed: call setTdlibParameters first");
      return;
    }
    if (!"authorizationStateReady".equals(state) && NEED_LOGIN.contains(type)) {
      error(client, extra, 401, "Unauthorized");
      return;
    }
    switch (type) {
      case "getOption" -> reply(client, extra, obj("optionValueString").add("value", VERSION));
      case "setTdlibParameters" -> {
        if (wrongKeys.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
          error(client, extra, 401, "Wrong database encryption key");
        } else if (!holdParameters) {
          state(client, "authorizationStateWaitPhoneNumber");
          ok(client, extra);
        }
      }
      case "setAuthenticationPhoneNumber" -> {
        if (INVALID_PHONE.equals(request.getString("phone_number"))) {
          // TDLib keeps the state it was in (AuthManager resets only from waiting for a phone).
          error(client, extra, 400, "PHONE_NUMBER_INVALID");
        } else if (!UNREACHABLE_PHONE.equals(request.getString("phone_number"))) {
          waitCode(client, "authenticationCodeTypeSms", "authenticationCodeTypeCall", 60);
          ok(client, extra);
        }
      }
      case "resendAuthenticationCode" -> {
        // Once, by call; then Telegram has no other way left.
        if (!codeResent.add(client)) {
          error(client, extra, 400, "SEND_CODE_UNAVAILABLE");
        } else {
          waitCode(client, "authenticationCodeTypeCall", null, 0);
          ok(client, extra);
        }
      }
      case "checkAuthenticationCode" -> {
        if ("11111".equals(request.getString("code"))) {
          error(client, extra, 400, "PHONE_CODE_INVALID");
        } else {
          push(
              client,
              obj("updateAuthorizationState")
                  .add(
                      "authorization_state",
                      obj("authorizationStateWaitPassword").add("password_hint", "pet")));
          ok(client, extra);
        }
      }
      case "checkAuthenticationPassword" -> {
        if ("wrong".equals(request.getString("password"))) {
          error(client, extra, 400, "PASSWORD_HASH_INVALID");
        } else {
          state(client, "authorizationStateReady");
          ok(client, extra);
        }
      }
      case "searchPublicChat" -> {
        String name = request.getString("username");
        if ("missing_chat".equals(name)) {
          error(client, extra, 400, "USERNAME_NOT_OCCUPIED");
        } else if ("duplicated_chat".equals(name)) {
          error(client, extra, 406, "AUTH_KEY_DUPLICATED");
        } else {
          knownChats.add(chatId(name));
          reply(client, extra, chat(name));
        }
      }
      case "getChat" -> {
        long id = request.getJsonNumber("chat_id").longValue();
        if (knownChats.contains(id)) {
          reply(client, extra, obj("chat").add("id", id).add("type", supergroupType(id)));
        } else {
          error(client, extra, 400, "Chat not found");
        }
      }
      // The fake's sessions are in no chat until they join one: the list is loaded at once.
      case "loadChats" -> error(client, extra, 404, "Not Found");
      case "getMessageLinkInfo" ->
          reply(
              client,
              extra,
              obj("messageLinkInfo")
                  .add("is_public", true)
                  .add("chat_id", -1005L)
                  .add("message", obj("message").add("id", 15L << 20).add("chat_id", -1005L)));
      case "sendMessage" -> {
        JsonObject content = request.getJsonObject("input_message_content");
        if (FakeTdlibMedia.isMedia(content)) {
          media.sendOne(this, client, extra, request.getJsonNumber("chat_id").longValue(), content);
        } else {
          send(client, extra, request.getJsonNumber("chat_id").longValue(), false);
        }
      }
      case "sendMessageAlbum" ->
          media.sendAlbum(
              this,
              client,
              extra,
              request.getJsonNumber("chat_id").longValue(),
              request.getJsonArray("input_message_contents"));
      case "getFile" ->
          media.getFile(this, client, extra, request.getJsonNumber("file_id").longValue());
      case "forwardMessages" ->
          send(client, extra, request.getJsonNumber("chat_id").longValue(), true);
      case "close" -> {
        state(client, "authorizationStateClosing");
        if (holdClose) {
          heldClosing.add(client);
        } else {
          state(client, "authorizationStateClosed");
        }
        ok(client, extra);
      }
      case "deleteMessages" -> ok(client, extra); // a pending message's send is cancelled
      case "addProxy" -> proxy(client, extra, request);
      case "disableProxy" -> ok(client, extra);
      case "testProxy" -> {
        if (DEAD_PROXY.equals(TdlibJson.child(request, "proxy").getString("server"))) {
          error(client, extra, 400, "Connection refused");
        } else {
          ok(client, extra);
        }
      }
      // TDLib 1.8.66+: both joins answer a ChatJoinResult (a request for approval included).
      case "joinChat" -> {
        long id = request.getJsonNumber("chat_id").longValue();
        if (id == chatId("approval_chat")) {
          reply(client, extra, obj("chatJoinResultRequestSent"));
        } else if (id == chatId("one_too_many")) {
          error(client, extra, 400, "CHANNELS_TOO_MUCH"); // the account is in 500 chats already
        } else {
          joinedChats.add(id);
          reply(client, extra, obj("chatJoinResultSuccess").add("chat_id", id));
        }
      }
      case "getSupergroup" -> {
        long id = chatOfSupergroup(request.getJsonNumber("supergroup_id").longValue());
        String status =
            id == chatId("banned_chat")
                ? "chatMemberStatusBanned"
                : joinedChats.contains(id) ? "chatMemberStatusMember" : "chatMemberStatusLeft";
        reply(
            client,
            extra,
            obj("supergroup")
                .add("id", request.getJsonNumber("supergroup_id").longValue())
                .add("status", obj(status)));
      }
      case "getSupergroupFullInfo" -> {
        long id = chatOfSupergroup(request.getJsonNumber("supergroup_id").longValue());
        boolean slowed = id == chatId("slowed_chat");
        reply(
            client,
            extra,
            obj("supergroupFullInfo")
                .add("slow_mode_delay", id == chatId("slow_chat") ? 30 : slowed ? 300 : 0)
                .add("slow_mode_delay_expires_in", slowed ? 249.5 : 0));
      }
      case "checkChatInviteLink" -> {
        String link = request.getString("invite_link");
        if (PREVIEW_LINK.equals(link)) {
          // A chat the link lets the session see before joining (accessible_for), not a member.
          long id = chatId("preview_club");
          knownChats.add(id);
          reply(
              client,
              extra,
              obj("chatInviteLinkInfo")
                  .add("chat_id", id)
                  .add("accessible_for", 300)
                  .add("title", "Preview club")
                  .add("creates_join_request", false));
        } else if (!APPROVAL_LINK.equals(link) && !OPEN_LINK.equals(link)) {
          error(client, extra, 400, "INVITE_HASH_INVALID");
        } else {
          long member = joinedChats.contains(chatId("open_club")) ? chatId("open_club") : 0;
          reply(
              client,
              extra,
              obj("chatInviteLinkInfo")
                  .add("chat_id", OPEN_LINK.equals(link) ? member : 0)
                  .add("title", OPEN_LINK.equals(link) ? "Open club" : "Approval club")
                  .add("creates_join_request", APPROVAL_LINK.equals(link)));
        }
      }
      case "joinChatByInviteLink" -> {
        String link = request.getString("invite_link");
        if (OPEN_LINK.equals(link) || PREVIEW_LINK.equals(link)) {
          long id = chatId(OPEN_LINK.equals(link) ? "open_club" : "preview_club");
          joinedChats.add(id);
          knownChats.add(id);
          reply(client, extra, obj("chatJoinResultSuccess").add("chat_id", id));
        } else {
          reply(client, extra, obj("chatJoinResultRequestSent"));
        }
      }
      default -> error(client, extra, 400, "Unsupported by the fake: " + TdlibJson.type(request));
    }
  }

  /** {@code addProxy}: as TDLib, refuses an MTProto secret that is not hex, else adds it. */
  private void proxy(int client, String extra, JsonObject request) {
    JsonObject proxy = TdlibJson.child(request, "proxy");
    JsonObject type = TdlibJson.child(proxy, "type");
    if ("proxyTypeMtproto".equals(TdlibJson.type(type))
        && !type.getString("secret", "").matches("([0-9a-fA-F]{2}){16,}")) {
      error(client, extra, 400, "Wrong proxy secret");
      return;
    }
    reply(
        client,
        extra,
        obj("addedProxy")
            .add("id", 1)
            .add("last_used_date", 0)
            .add("is_enabled", request.getBoolean("enable", false))
            .add("comment", request.getString("comment", ""))
            .add("proxy", proxy));
  }

  private void send(int client, String extra, long chatId, boolean forward) {
    long temporary = (temporaryIds.incrementAndGet() << 20) | 1; // yet unsent, as TDLib numbers it
    JsonObjectBuilder pending =
        obj("message")
            .add("id", temporary)
            .add("chat_id", chatId)
            .add("sending_state", obj("messageSendingStatePending").add("sending_id", 0));
    // TDLib's 429 past its own wait: a slow mode (slowed_chat) or a flood wait (flooded_chat).
    String failure =
        chatId == chatId("forbidden_chat")
            ? "CHAT_WRITE_FORBIDDEN"
            : chatId == chatId("slowed_chat") || chatId == chatId("flooded_chat")
                ? "Too Many Requests: retry after 250"
                : null;
    JsonObjectBuilder finalUpdate =
        failure != null
            ? obj("updateMessageSendFailed")
                .add("message", obj("message").add("id", temporary).add("chat_id", chatId))
                .add("old_message_id", temporary)
                .add(
                    "error",
                    obj("error")
                        .add("code", failure.startsWith("Too Many") ? 429 : 400)
                        .add("message", failure))
            : obj("updateMessageSendSucceeded")
                .add("message", obj("message").add("id", 42L << 20).add("chat_id", chatId))
                .add("old_message_id", temporary);
    boolean racy = chatId == chatId("racy_chat");
    if (racy) {
      push(client, finalUpdate);
    }
    reply(
        client,
        extra,
        forward
            ? obj("messages")
                .add("total_count", 1)
                .add("messages", Json.createArrayBuilder().add(pending))
            : pending);
    if (chatId == chatId("dropped_chat")) {
      // TDLib deleted the message for good instead of failing it (td_api.tl allows it).
      push(
          client,
          obj("updateDeleteMessages")
              .add("chat_id", chatId)
              .add("message_ids", Json.createArrayBuilder().add(temporary))
              .add("is_permanent", true)
              .add("from_cache", false));
    } else if (!racy && chatId != chatId("silent_chat")) {
      push(client, finalUpdate);
    }
  }

  /**
   * A public supergroup as TDLib answers {@code searchPublicChat}; {@code channel_*} are channels.
   */
  private static JsonObjectBuilder chat(String username) {
    long id = chatId(username);
    return obj("chat")
        .add("id", id)
        .add("title", username)
        .add("type", supergroupType(id).add("is_channel", username.startsWith("channel_")));
  }

  private static JsonObjectBuilder supergroupType(long chatId) {
    return obj("chatTypeSupergroup").add("supergroup_id", -chatId - 1000000000000L);
  }

  private static long chatOfSupergroup(long supergroupId) {
    return -supergroupId - 1000000000000L;
  }

  /** True once a session joined the chat of {@code username}. */
  boolean joined(String username) {
    return joinedChats.contains(chatId(username));
  }

  static long chatId(String username) {
    return -1000000000000L - Math.abs(username.hashCode() % 100000);
  }

  /** Lets the fake know a chat id (as if the session had seen it before). */
  void knowChat(long id) {
    knownChats.add(id);
  }

  private void state(int client, String type) {
    states.put(client, type);
    push(client, obj("updateAuthorizationState").add("authorization_state", obj(type)));
  }

  /**
   * Waits for the code sent as {@code type}; {@code next} (or null) is how a new one would go,
   * after {@code timeout} seconds.
   */
  private void waitCode(int client, String type, String next, int timeout) {
    JsonObjectBuilder info =
        obj("authenticationCodeInfo")
            .add("phone_number", "447700900123")
            .add("type", obj(type).add("length", 5))
            .add("timeout", timeout);
    if (next != null) {
      info.add("next_type", obj(next));
    }
    push(
        client,
        obj("updateAuthorizationState")
            .add("authorization_state", obj("authorizationStateWaitCode").add("code_info", info)));
  }

  private void ok(int client, String extra) {
    reply(client, extra, obj("ok"));
  }

  void error(int client, String extra, int code, String message) {
    reply(client, extra, errorObject(code, message));
  }

  private static JsonObjectBuilder errorObject(int code, String message) {
    return obj("error").add("code", code).add("message", message);
  }

  void reply(int client, String extra, JsonObjectBuilder object) {
    push(client, object.add("@extra", extra));
  }

  void push(int client, JsonObjectBuilder object) {
    String json = object.add("@client_id", client).build().toString();
    Duration delay = answerDelay;
    if (delay.isZero()) {
      out.add(json);
    } else {
      // One thread, one delay: the answers keep their order.
      late.schedule(() -> out.add(json), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * From now on answers and updates arrive {@code delay} after the request, as over a network:
   * whatever a caller chains onto a request then runs on the receive thread, as with Telegram.
   */
  void answerAfter(Duration delay) {
    answerDelay = delay;
  }

  static JsonObjectBuilder obj(String type) {
    return Json.createObjectBuilder().add("@type", type);
  }
}
