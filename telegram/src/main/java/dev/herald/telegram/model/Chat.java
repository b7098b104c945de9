package dev.herald.telegram.model;

import java.util.Optional;

/**
 * What an account sees of a chat ({@code getChat}, {@code searchPublicChat}): a snapshot, not the
 * chat's live state. A chat with a username is public; {@code joinByRequest} means joining needs an
 * admin's approval; {@code linkedChatId} is a channel's discussion group (or a discussion group's
 * channel), 0 when none; a chat with {@code hasProtectedContent} lets none of its messages be
 * forwarded; a basic group upgraded to a supergroup has the supergroup's id in {@code
 * upgradedToChatId} (0 while it is not) and takes no more messages; a forum ({@code isForum}) keeps
 * its messages in topics.
 */
public record Chat(
    long id,
    ChatKind kind,
    String title,
    Optional<String> username,
    int slowModeDelay,
    boolean joinByRequest,
    long linkedChatId,
    int memberCount,
    boolean hasProtectedContent,
    long upgradedToChatId,
    boolean isForum) {

  public boolean isPublic() {
    return username.isPresent();
  }
}
