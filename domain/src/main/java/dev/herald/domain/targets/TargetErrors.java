package dev.herald.domain.targets;

import java.time.Duration;
import java.time.Instant;

/**
 * The errors a tenant sees on a target, each a stable code and a sentence saying what to do. One
 * place for the wording, so the transports and the engine say the same thing.
 */
public final class TargetErrors {

  public static final String BOT_NOT_MEMBER = "BOT_NOT_MEMBER";
  public static final String BOT_CANNOT_POST = "BOT_CANNOT_POST";
  public static final String JOIN_REQUESTED = "JOIN_REQUESTED";
  public static final String JOIN_PACED = "JOIN_PACED";
  public static final String JOIN_DECLINED = "JOIN_DECLINED";
  public static final String JOIN_REFUSED = "JOIN_REFUSED";
  public static final String BANNED_IN_CHAT = "BANNED_IN_CHAT";
  public static final String WRITE_FORBIDDEN = "WRITE_FORBIDDEN";
  public static final String CHAT_NOT_FOUND = "CHAT_NOT_FOUND";
  public static final String INVITE_INVALID = "INVITE_INVALID";
  public static final String FLOOD_WAIT = "FLOOD_WAIT";
  public static final String SLOW_MODE = "SLOW_MODE";
  public static final String NEW_CHATS_LIMIT = "NEW_CHATS_LIMIT";
  public static final String TOPIC_UNAVAILABLE = "TOPIC_UNAVAILABLE";

  private TargetErrors() {}

  /** Telegram's words for a refusal, at most 80 characters of them. */
  private static String shortened(String reason) {
    return reason.length() > 80 ? reason.substring(0, 80) : reason;
  }

  public static TargetError botNotMember(String botUsername, String chat) {
    return new TargetError(
        BOT_NOT_MEMBER, "Add @" + botUsername + " to " + chat + " and let it post.");
  }

  public static TargetError botCannotPost(String botUsername, String chat) {
    return new TargetError(
        BOT_CANNOT_POST,
        "@"
            + botUsername
            + " is in "
            + chat
            + " but may not post: make it an admin there (a channel) or let members post.");
  }

  public static TargetError joinRequested(String chat) {
    return new TargetError(
        JOIN_REQUESTED,
        "The group requires approval: a join request was sent to "
            + chat
            + "; Herald posts there once an admin approves it.");
  }

  public static TargetError joinDeclined(String chat) {
    return new TargetError(
        JOIN_DECLINED,
        chat
            + " declined this sender's join: ask its admins to let it in, or remove the group from"
            + " the bot config.");
  }

  /** Telegram refused the join itself ({@code CHANNELS_TOO_MUCH}, ...), in its words. */
  public static TargetError joinRefused(String chat, String reason) {
    return new TargetError(
        JOIN_REFUSED,
        "Telegram refused this sender's join of "
            + chat
            + " ("
            + shortened(reason)
            + "); Herald tries again later. CHANNELS_TOO_MUCH means the account is in too many"
            + " groups and channels.");
  }

  public static TargetError joinPaced(int joinsPerHour, Instant nextJoin) {
    return new TargetError(
        JOIN_PACED,
        "Herald joins at most "
            + joinsPerHour
            + " groups per hour with one session (more earns long flood waits); this group is"
            + " joined after "
            + nextJoin
            + ".");
  }

  /** Before the session tried: the transport only knows that it may not join now. */
  public static TargetError joinPaced() {
    return new TargetError(
        JOIN_PACED, "This session has joined enough groups for now; this one is joined later.");
  }

  public static TargetError bannedInChat(String chat) {
    return new TargetError(
        BANNED_IN_CHAT,
        "This sender was banned from "
            + chat
            + ": ask its admins to unban it, or remove the group from the bot config.");
  }

  public static TargetError writeForbidden(String chat) {
    return new TargetError(
        WRITE_FORBIDDEN,
        chat
            + " does not let this sender post (a channel or a read-only group): make it an admin"
            + " there, or remove the group from the bot config.");
  }

  public static TargetError chatNotFound(String chat) {
    return new TargetError(
        CHAT_NOT_FOUND,
        chat + " does not exist or is private: check the username, or use an invite link.");
  }

  /** Telegram refused the target's topic ({@code TOPIC_CLOSED}, ...), in its words. */
  public static TargetError topicUnavailable(String chat, String reason, Instant next) {
    return new TargetError(
        TOPIC_UNAVAILABLE,
        "Telegram refused a post to the topic of "
            + chat
            + " ("
            + shortened(reason)
            + "): ask the group's admins to reopen the topic, or put an open one in the bot config"
            + " (https://t.me/<group>/<topic>). Herald tries again after "
            + next
            + ".");
  }

  /** A topic named in a chat that has none: posting there would reply to a message instead. */
  public static TargetError notAForum(String chat, int topic) {
    return new TargetError(
        TOPIC_UNAVAILABLE,
        chat
            + " is not a forum and has no topic "
            + topic
            + ": put the group without the topic in the bot config, or a topic of a forum.");
  }

  public static TargetError inviteInvalid(String chat) {
    return new TargetError(
        INVITE_INVALID,
        "The invite link " + chat + " is invalid or expired: put a current one in the bot config.");
  }

  public static TargetError floodWait(Duration wait) {
    return new TargetError(
        FLOOD_WAIT,
        "Telegram asked this sender to wait "
            + wait.toSeconds()
            + " s before posting here again; Herald waits and goes on.");
  }

  /** A chat not prepared because Telegram told the sender to wait while preparing another. */
  public static TargetError preparationsHeld(Instant until) {
    return new TargetError(
        FLOOD_WAIT,
        "Telegram asked this session to wait before it joins or looks up more groups; Herald"
            + " prepares this group after "
            + until
            + ".");
  }

  public static TargetError newChatsLimit(int newChatsPerDay, Instant from) {
    return new TargetError(
        NEW_CHATS_LIMIT,
        "This session already posted to "
            + newChatsPerDay
            + " groups it joined within the last day; Telegram spam-limits an account that sends"
            + " one text to more (PEER_FLOOD). Herald posts here from "
            + from
            + ".");
  }

  public static TargetError slowMode(Duration wait) {
    return new TargetError(
        SLOW_MODE,
        "The group is in slow mode: this sender may post again in "
            + wait.toSeconds()
            + " s; Herald waits for it.");
  }
}
