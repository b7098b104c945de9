package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.FormattedText;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.Message;
import dev.herald.telegram.model.MessageMarkup;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.model.TelegramWorld;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A libtdjson for dev and system tests ({@code herald.tdlib.library=model}, refused by the prod
 * profile): answers like TDLib for the requests Herald makes, on a {@link TelegramWorld}. A session
 * logs in with any phone and any code but {@code 11111}; once logged in, its binlog in the database
 * folder says so (keyed to the database key, as TDLib's is encrypted with it), so a client reopened
 * from that folder, or from the state Herald restored into it from PostgreSQL, is logged in without
 * a new login, and one without it waits for a phone number. Chats, joins and sends follow the
 * world's rules ({@link ModelTdChats}): a session posts only where it joined. Every client's open,
 * close and send goes to the {@link ClientRecord}.
 */
public final class ModelTdJson implements TdJson {

  static final String VERSION = "1.8.67";
  private static final String BINLOG_HEADER = "herald-model-binlog v1";

  /** One client: the session of its folder once it has its parameters, and its state. */
  private static final class Client {
    volatile long sessionId = -1;
    volatile Path binlog;
    volatile String keyHash = "";
    volatile String state = "";
    volatile boolean codeResent;
    volatile ModelTdSeenChats seen = ModelTdSeenChats.none();
  }

  private final TelegramWorld world;
  private final ModelTdChats chats;
  private final ClientRecord record;
  private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
  private final Map<Integer, Client> clients = new ConcurrentHashMap<>();
  private final AtomicInteger clientIds = new AtomicInteger();
  private final AtomicLong temporaryIds = new AtomicLong();

  /** A message taken while Telegram could not be reached: sent when it can, unless deleted. */
  private record Held(long chatId, long temporaryId, Supplier<Message> send) {}

  private final Map<Integer, List<Held>> held = new ConcurrentHashMap<>();
  private volatile boolean telegramReachable = true;

  ModelTdJson(TelegramWorld world, ClientRecord record) {
    this.world = world;
    this.chats = new ModelTdChats(world);
    this.record = record;
  }

  /**
   * This node's network to Telegram cut ({@code false}) or back: as TDLib, every open client
   * reports its {@code updateConnectionState}; while cut, a message is taken as pending and held
   * (TDLib's local checks are not modelled then), and sent when Telegram can be reached again
   * unless it was deleted meanwhile.
   */
  public void telegramReachable(boolean reachable) {
    telegramReachable = reachable;
    clients.forEach(
        (id, client) -> {
          synchronized (client) {
            if (client.sessionId >= 0) {
              connectionState(id);
            }
            if (reachable) {
              List<Held> waiting = held.remove(id);
              if (waiting != null) {
                waiting.forEach(h -> finish(id, client, h.chatId(), h.temporaryId(), h.send()));
              }
            }
          }
        });
  }

  /** How many messages wait for Telegram to be reachable again, over all clients. */
  int heldMessages() {
    return held.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public int td_create_client_id() {
    int id = clientIds.incrementAndGet();
    clients.put(id, new Client());
    return id;
  }

  @Override
  public void td_send(int clientId, String request) {
    Client client = clients.get(clientId);
    JsonObject json = TdlibJson.parse(request);
    String extra = json.getString("@extra", "");
    if (client == null) {
      return; // TDLib ignores requests to unknown clients
    }
    synchronized (client) {
      if (client.state.isEmpty()) {
        state(clientId, client, "authorizationStateWaitTdlibParameters");
      }
      answer(clientId, client, json, extra);
    }
  }

  /**
   * Like the native call, an interrupt does not stop delivery (a container interrupts its managed
   * threads at shutdown, while Herald still waits for its clients to close): what is queued is
   * still returned, and the interrupt stays set for the caller.
   */
  @Override
  public String td_receive(double timeout) {
    try {
      return out.poll((long) (timeout * 1000), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return out.poll();
    }
  }

  @Override
  public String td_execute(String request) {
    JsonObject json = TdlibJson.parse(request);
    return switch (TdlibJson.type(json)) {
      case "getOption" -> obj("optionValueString").add("value", VERSION).build().toString();
      case "setLogVerbosityLevel" -> obj("ok").build().toString();
      default -> error(400, "The method can't be executed synchronously").build().toString();
    };
  }

  private void answer(int id, Client client, JsonObject request, String extra) {
    String type = TdlibJson.type(request);
    if (client.state.equals("authorizationStateWaitTdlibParameters")
        && !type.equals("getOption")
        && !type.equals("setTdlibParameters")
        && !type.equals("close")) {
      reply(id, extra, error(400, "Initialization parameters are needed"));
      return;
    }
    try {
      switch (type) {
        case "getOption" -> reply(id, extra, obj("optionValueString").add("value", VERSION));
        case "setTdlibParameters" -> parameters(id, client, request, extra);
        case "setAuthenticationPhoneNumber" -> {
          // As Telegram: the code in the app first, an SMS on request.
          client.codeResent = false;
          waitCode(
              id, client, "authenticationCodeTypeTelegramMessage", "authenticationCodeTypeSms");
          reply(id, extra, obj("ok"));
        }
        case "resendAuthenticationCode" -> {
          if (!client.state.equals("authorizationStateWaitCode")) {
            reply(id, extra, error(400, "resendAuthenticationCode unexpected"));
          } else if (client.codeResent) {
            reply(id, extra, error(400, "SEND_CODE_UNAVAILABLE"));
          } else {
            client.codeResent = true;
            waitCode(id, client, "authenticationCodeTypeSms", null);
            reply(id, extra, obj("ok"));
          }
        }
        case "checkAuthenticationCode" -> {
          if ("11111".equals(request.getString("code", ""))) {
            reply(id, extra, error(400, "PHONE_CODE_INVALID"));
          } else {
            writeBinlog(client);
            record.login(client.sessionId, id);
            state(id, client, "authorizationStateReady");
            reply(id, extra, obj("ok"));
          }
        }
        case "sendMessage" -> send(id, client, request, extra);
        case "forwardMessages" -> forward(id, client, request, extra);
        case "deleteMessages" -> {
          deleteHeld(id, request);
          reply(id, extra, obj("ok"));
        }
        case "close" -> {
          state(id, client, "authorizationStateClosing");
          reply(id, extra, obj("ok"));
          state(id, client, "authorizationStateClosed");
          clients.remove(id);
          if (client.sessionId >= 0) {
            record.close(client.sessionId, id);
          }
        }
        default ->
            reply(
                id,
                extra,
                chats
                    .answer(
                        account(client),
                        client.seen,
                        type,
                        request,
                        username -> record.join(client.sessionId, id, username))
                    .orElseGet(() -> error(400, "Unsupported by the model: " + type)));
      }
    } catch (TelegramException refused) {
      reply(id, extra, error(refused));
    } catch (TdlibException local) {
      reply(id, extra, error(local.code(), local.tdlibMessage()));
    } catch (RuntimeException broken) {
      // Every request gets an answer, as from TDLib: a caller never waits for one that cannot come.
      reply(id, extra, error(500, "The model failed: " + broken));
    }
  }

  /** A folder whose binlog says it is logged in (with this key) opens logged in. */
  private void parameters(int id, Client client, JsonObject request, String extra) {
    Path folder = Path.of(request.getString("database_directory"));
    String binlog = request.getBoolean("use_test_dc", false) ? "td_test.binlog" : "td.binlog";
    client.binlog = folder.resolve(binlog);
    client.sessionId = sessionOf(folder);
    client.seen = ModelTdSeenChats.in(folder);
    client.keyHash =
        TdlibStateSnapshot.sha256(
            request.getString("database_encryption_key", "").getBytes(StandardCharsets.UTF_8));
    record.open(client.sessionId, id);
    String stored = readBinlog(client.binlog);
    if (!stored.isEmpty() && !stored.equals(binlogText(client))) {
      reply(id, extra, error(401, "Wrong database encryption key"));
      return;
    }
    if (!stored.isEmpty()) {
      chats.rejoin(account(client), record.joined(client.sessionId));
    }
    reply(id, extra, obj("ok"));
    connectionState(id);
    state(
        id,
        client,
        stored.isEmpty() ? "authorizationStateWaitPhoneNumber" : "authorizationStateReady");
  }

  private void connectionState(int id) {
    push(
        id,
        obj("updateConnectionState")
            .add(
                "state",
                obj(telegramReachable ? "connectionStateReady" : "connectionStateConnecting")));
  }

  /**
   * {@code deleteMessages} of messages still held: gone for good, as TDLib reports a yet-unsent
   * message it deleted ({@code updateDeleteMessages}, permanent). Sent ones are final in the model.
   */
  private void deleteHeld(int id, JsonObject request) {
    long chatId = TdlibJson.number(request, "chat_id", 0);
    List<Long> ids =
        request.getJsonArray("message_ids").getValuesAs(JsonNumber.class).stream()
            .map(JsonNumber::longValue)
            .toList();
    List<Held> waiting = held.get(id);
    if (waiting == null
        || !waiting.removeIf(h -> h.chatId() == chatId && ids.contains(h.temporaryId()))) {
      return;
    }
    JsonArrayBuilder deleted = Json.createArrayBuilder();
    ids.forEach(deleted::add);
    push(
        id,
        obj("updateDeleteMessages")
            .add("chat_id", chatId)
            .add("message_ids", deleted)
            .add("is_permanent", true)
            .add("from_cache", false));
  }

  /**
   * {@code sendMessage} of a text: TDLib refuses at once what it checks itself (no write access, a
   * text too long or empty: {@link #refusedByTdlib}); otherwise it answers the pending message and
   * then the update with Telegram's answer.
   */
  private void send(int id, Client client, JsonObject request, String extra) {
    long chatId = ModelTdChats.seenChat(client.seen, request, "chat_id");
    int topic = topic(request, chatId);
    JsonObject content = request.getJsonObject("input_message_content");
    if (!"inputMessageText".equals(TdlibJson.type(content))) {
      reply(id, extra, error(400, "Unsupported by the model: " + TdlibJson.type(content)));
      return;
    }
    FormattedText text = TdlibEntities.fromTdlib(content.getJsonObject("text"));
    MessageMarkup markup =
        new MessageMarkup(
            text.entities().stream()
                .map(e -> new MessageMarkup.Entity(e.type(), e.offset(), e.length(), e.url()))
                .toList(),
            List.of());
    post(
        id,
        client,
        extra,
        chatId,
        false,
        () -> world.sendMessage(account(client), chatId, topic, text.text(), markup));
  }

  /**
   * {@code forwardMessages} of one message, answered with {@code messages} of the pending one; a
   * message of a chat with protected content is not sent at all and answered as TDLib does, with
   * null in its place ({@code can_be_forwarded} is false).
   */
  private void forward(int id, Client client, JsonObject request, String extra) {
    long chatId = ModelTdChats.seenChat(client.seen, request, "chat_id");
    long fromChatId = ModelTdChats.seenChat(client.seen, request, "from_chat_id");
    int topic = topic(request, chatId);
    if (world.chat(fromChatId).map(Chat::hasProtectedContent).orElse(false)) {
      reply(
          id,
          extra,
          obj("messages")
              .add("total_count", 0)
              .add("messages", Json.createArrayBuilder().addNull()));
      return;
    }
    String source =
        chats.messageLink(
            fromChatId, request.getJsonArray("message_ids").getJsonNumber(0).longValue());
    post(
        id,
        client,
        extra,
        chatId,
        true,
        () -> world.forwardMessage(account(client), chatId, topic, source));
  }

  /**
   * The request's {@code topic_id} ({@code messageTopicForum}; 0 without one), refused as TDLib
   * refuses it before asking Telegram: an invalid id, or a chat that cannot be a forum (a basic
   * group, a channel).
   */
  private int topic(JsonObject request, long chatId) {
    JsonObject topic = TdlibJson.child(request, "topic_id");
    if (topic == null) {
      return 0;
    }
    if (!"messageTopicForum".equals(TdlibJson.type(topic))) {
      throw new TdlibException(400, "Unsupported by the model: " + TdlibJson.type(topic));
    }
    long forumTopicId = TdlibJson.number(topic, "forum_topic_id", 0);
    if (forumTopicId <= 0 || forumTopicId > Integer.MAX_VALUE) {
      throw new TdlibException(400, "Invalid topic identifier specified");
    }
    // TDLib's can_be_forum: any supergroup (not a channel) takes a topic id, forum or not; in one
    // that is not, the post goes out as a reply to the message of that id.
    if (!world.chat(chatId).map(chat -> chat.kind().canBeForum()).orElse(false)) {
      throw new TdlibException(400, "Chat is not a forum");
    }
    return (int) forumTopicId;
  }

  private void post(
      int id, Client client, String extra, long chatId, boolean forward, Supplier<Message> send) {
    if (!telegramReachable) {
      long temporary = temporaryId();
      reply(id, extra, pending(chatId, temporary, forward));
      held.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
          .add(new Held(chatId, temporary, send));
      return;
    }
    Message sent;
    TelegramException refused = null;
    try {
      sent = send.get();
    } catch (TelegramException e) {
      Optional<JsonObjectBuilder> local = refusedByTdlib(e);
      if (local.isPresent()) {
        reply(id, extra, local.get());
        return;
      }
      sent = null;
      refused = e;
    }
    long temporary = temporaryId();
    reply(id, extra, pending(chatId, temporary, forward));
    outcome(id, client, chatId, temporary, sent, refused);
  }

  private long temporaryId() {
    return (temporaryIds.incrementAndGet() << 20) | 1; // yet unsent, as TDLib numbers it
  }

  /** TDLib's answer to a send it took: the pending message (in {@code messages} for a forward). */
  private static JsonObjectBuilder pending(long chatId, long temporary, boolean forward) {
    JsonObjectBuilder pending =
        obj("message")
            .add("id", temporary)
            .add("chat_id", chatId)
            .add("sending_state", obj("messageSendingStatePending").add("sending_id", 0));
    return forward
        ? obj("messages")
            .add("total_count", 1)
            .add("messages", Json.createArrayBuilder().add(pending))
        : pending;
  }

  /** A held message sent now that Telegram can be reached. */
  private void finish(int id, Client client, long chatId, long temporary, Supplier<Message> send) {
    try {
      outcome(id, client, chatId, temporary, send.get(), null);
    } catch (TelegramException refused) {
      outcome(id, client, chatId, temporary, null, refused);
    }
  }

  /** The final update of a pending message: Telegram's refusal, or the message sent. */
  private void outcome(
      int id, Client client, long chatId, long temporary, Message sent, TelegramException refused) {
    if (refused != null) {
      push(
          id,
          obj("updateMessageSendFailed")
              .add("message", obj("message").add("id", temporary).add("chat_id", chatId))
              .add("old_message_id", temporary)
              .add("error", error(refused)));
      return;
    }
    record.send(client.sessionId, id);
    push(
        id,
        obj("updateMessageSendSucceeded")
            .add("message", obj("message").add("id", sent.id() << 20).add("chat_id", chatId))
            .add("old_message_id", temporary));
  }

  /**
   * What TDLib refuses before asking Telegram, as it words it: a chat the session may not write to
   * (TDLib knows its status), a chat it never saw, a text too long or empty.
   */
  private static Optional<JsonObjectBuilder> refusedByTdlib(TelegramException refused) {
    String message =
        switch (refused.error()) {
          case "CHAT_WRITE_FORBIDDEN", "CHANNEL_PRIVATE" -> "Have no write access to the chat";
          case "Chat not found" -> "Chat not found";
          case "MESSAGE_TOO_LONG" -> "Message is too long";
          case "MESSAGE_EMPTY" -> "Message must be non-empty";
          default -> null;
        };
    return Optional.ofNullable(message).map(m -> error(400, m));
  }

  private static Account account(Client client) {
    return Account.user(client.sessionId);
  }

  /** Herald's folders are {@code session-<id>} ({@link TdlibSessionClient#databaseDirectory}). */
  private static long sessionOf(Path folder) {
    String name = folder.getFileName().toString();
    return name.startsWith("session-") ? Long.parseLong(name.substring(8)) : 0;
  }

  private static String binlogText(Client client) {
    return BINLOG_HEADER + "\nsession " + client.sessionId + "\nkey " + client.keyHash + "\n";
  }

  private static void writeBinlog(Client client) {
    try {
      Files.createDirectories(client.binlog.getParent());
      Files.writeString(client.binlog, binlogText(client));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readBinlog(Path binlog) {
    try {
      return Files.isRegularFile(binlog) ? Files.readString(binlog) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private void state(int id, Client client, String type) {
    client.state = type;
    push(id, obj("updateAuthorizationState").add("authorization_state", obj(type)));
  }

  /** Waits for the code sent as {@code type}; {@code next} (or null) is how a new one would go. */
  private void waitCode(int id, Client client, String type, String next) {
    client.state = "authorizationStateWaitCode";
    JsonObjectBuilder info =
        obj("authenticationCodeInfo")
            .add("phone_number", "447700900123")
            .add("type", obj(type).add("length", 5))
            .add("timeout", 0);
    if (next != null) {
      info.add("next_type", obj(next).add("length", 5));
    }
    push(
        id,
        obj("updateAuthorizationState")
            .add("authorization_state", obj(client.state).add("code_info", info)));
  }

  private void reply(int id, String extra, JsonObjectBuilder object) {
    push(id, object.add("@extra", extra));
  }

  private void push(int id, JsonObjectBuilder object) {
    out.add(object.add("@client_id", id).build().toString());
  }

  /**
   * Telegram's refusal as TDLib hands it on: a {@code FLOOD_WAIT_X} or {@code SLOWMODE_WAIT_X} as
   * TDLib's {@code 429 "Too Many Requests: retry after X"}. (TDLib sits out a wait under 60 s and
   * retries by itself; the model answers every wait at once, the stricter reading, so that a test
   * sees each wait Herald earned.)
   */
  private static JsonObjectBuilder error(TelegramException refused) {
    return refused.retryAfter().isPresent()
        ? error(429, "Too Many Requests: retry after " + refused.retryAfter().get().toSeconds())
        : error(refused.code(), refused.error());
  }

  private static JsonObjectBuilder error(int code, String message) {
    return obj("error").add("code", code).add("message", message);
  }

  private static JsonObjectBuilder obj(String type) {
    return TdlibJson.object(type);
  }
}
