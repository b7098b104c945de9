package dev.herald.telegram.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every chat by id, by public username (case-insensitive, as Telegram's) and by invite link, with
 * the ids and invite hashes the world hands out. Revoked invite links are remembered: they answer
 * {@code INVITE_HASH_EXPIRED}, not {@code INVITE_HASH_INVALID}. The world's lock guards it.
 */
final class ChatDirectory {

  /** Supergroups and channels have ids -100xxxxxxxxxx in TDLib and the Bot API. */
  private static final long CHANNEL_ID_BASE = -1_000_000_000_000L;

  private final Map<Long, ChatState> byId = new HashMap<>();
  private final Map<String, ChatState> byUsername = new HashMap<>();
  private final Map<String, ChatState> byInvite = new HashMap<>();
  private final Set<String> revoked = new HashSet<>();
  private long assigned = 1_000_000_000L;
  private long invites;

  /**
   * Telegram's rule as the model keeps it: 4 to 32 characters, an ASCII letter first, then ASCII
   * letters, digits and underscores. Checked by hand, not by a regular expression: every send
   * resolves a username.
   */
  static boolean validUsername(String username) {
    if (username == null || username.length() < 4 || username.length() > 32) {
      return false;
    }
    if (!asciiLetter(username.charAt(0))) {
      return false;
    }
    for (int i = 1; i < username.length(); i++) {
      char c = username.charAt(i);
      if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The hash of {@code https://t.me/+hash}, {@code t.me/joinchat/hash}, or a bare hash. */
  static String inviteHash(String link) {
    String value = link.strip();
    int query = value.indexOf('?');
    value = query < 0 ? value : value.substring(0, query);
    value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    value = value.substring(value.lastIndexOf('/') + 1);
    return value.startsWith("+") ? value.substring(1) : value;
  }

  static String inviteLinkOf(String hash) {
    return "https://t.me/+" + hash;
  }

  ChatState add(NewChat spec) {
    long id = spec.id != 0 ? spec.id : nextId();
    if (byId.containsKey(id)) {
      throw new IllegalArgumentException("Chat id " + id + " is taken");
    }
    spec.username.ifPresent(
        name -> {
          if (!validUsername(name)) {
            throw new IllegalArgumentException("USERNAME_INVALID: " + name);
          }
          if (byUsername.containsKey(key(name))) {
            throw new IllegalArgumentException("USERNAME_OCCUPIED: " + name);
          }
        });
    if (spec.inviteHash != null
        && (byInvite.containsKey(spec.inviteHash) || revoked.contains(spec.inviteHash))) {
      throw new IllegalArgumentException("Invite link " + spec.inviteHash + " is taken");
    }
    ChatState chat = new ChatState(id, spec);
    byId.put(id, chat);
    spec.username.ifPresent(name -> byUsername.put(key(name), chat));
    if (spec.inviteLink) {
      setInvite(chat, spec.inviteHash != null ? spec.inviteHash : newHash(chat));
    }
    return chat;
  }

  /** Every chat (a live view; the world's lock guards it). */
  java.util.Collection<ChatState> all() {
    return byId.values();
  }

  Optional<ChatState> byId(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<ChatState> byUsername(String username) {
    return Optional.ofNullable(byUsername.get(key(username)));
  }

  Optional<ChatState> byInvite(String hash) {
    return Optional.ofNullable(byInvite.get(hash));
  }

  boolean revoked(String hash) {
    return revoked.contains(hash);
  }

  /** The chat's current link stops working; it gets a new one. */
  String revokeInvite(ChatState chat) {
    if (chat.inviteHash != null) {
      byInvite.remove(chat.inviteHash);
      revoked.add(chat.inviteHash);
    }
    setInvite(chat, newHash(chat));
    return chat.inviteHash;
  }

  private void setInvite(ChatState chat, String hash) {
    chat.inviteHash = hash;
    byInvite.put(hash, chat);
  }

  /** Deterministic, 8+ characters of Telegram's invite alphabet, never handed out twice. */
  private String newHash(ChatState chat) {
    return "Inv" + Long.toString(Math.abs(chat.id), 36) + "_" + (++invites);
  }

  private long nextId() {
    long id;
    do {
      id = CHANNEL_ID_BASE - (++assigned);
    } while (byId.containsKey(id));
    return id;
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
