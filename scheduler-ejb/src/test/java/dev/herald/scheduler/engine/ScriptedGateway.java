package dev.herald.scheduler.engine;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers each sender, then each chat, with its scripted outcome (delivered by default) and logs
 * every send.
 */
final class ScriptedGateway implements TelegramGateway {
  final Map<String, SendOutcome> script = new ConcurrentHashMap<>();
  final Map<String, SendOutcome> senderScript = new ConcurrentHashMap<>();
  final List<String> sent = new CopyOnWriteArrayList<>();
  final Map<String, Post> posts = new ConcurrentHashMap<>();

  @Override
  public String transport() {
    return "scripted";
  }

  @Override
  public SendOutcome send(Sender sender, ChatReference chat, Post post) {
    sent.add(sender + "->" + chat.canonical());
    posts.put(sender + "->" + chat.canonical(), post);
    SendOutcome bySender = senderScript.get(sender.toString());
    return bySender != null
        ? bySender
        : script.getOrDefault(chat.canonical(), new SendOutcome.Delivered(sent.size()));
  }
}
