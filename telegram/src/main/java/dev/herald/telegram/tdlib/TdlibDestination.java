package dev.herald.telegram.tdlib;

import jakarta.json.JsonObjectBuilder;

/**
 * Where a session posts: a chat TDLib knows, and in a forum the topic ({@code 0}: none, which TDLib
 * sends to the forum's General topic). Every send request starts here, so none forgets the topic.
 */
record TdlibDestination(long chatId, int topic) {

  /** A request of {@code type} addressed here: {@code chat_id}, and {@code topic_id} when set. */
  JsonObjectBuilder request(String type) {
    JsonObjectBuilder request = TdlibJson.object(type).add("chat_id", chatId);
    if (topic != 0) {
      request.add("topic_id", TdlibJson.object("messageTopicForum").add("forum_topic_id", topic));
    }
    return request;
  }
}
