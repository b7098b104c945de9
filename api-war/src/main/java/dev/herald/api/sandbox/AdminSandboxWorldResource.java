package dev.herald.api.sandbox;

import dev.herald.api.account.AdminResource;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.ChatKind;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;
import dev.herald.telegram.model.WorldFigures;
import dev.herald.telegram.sandbox.SandboxWorld;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The sandbox's Telegram model as benchmarks read and set it (the "day in the life" benchmark):
 * what the model counted (refused sends by reason, spam-limited and banned accounts, joins per
 * account and hour), who is where in its words, and chats with slow modes and permissions created
 * before a run. Admins only, and only while a sender kind uses the sandbox; the model is the
 * sandbox's own, nothing here reaches Telegram.
 */
@Path("/admin/sandbox/world")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminSandboxWorldResource extends AdminResource {

  static final int MAX_CHATS = 1000;

  @Inject SandboxWorld sandbox;
  @Inject TelegramGateway gateway;

  @GET
  @Operation(summary = "The sandbox model's counters (dry run only)")
  public WorldFigures figures() {
    return world().figures();
  }

  @GET
  @Path("memberships")
  @Operation(summary = "Every sender's membership in every chat it met, as the model sees it")
  public SandboxWorldBody.Members memberships() {
    return new SandboxWorldBody.Members(
        world().memberships().stream().map(SandboxWorldBody.Member::of).toList());
  }

  @POST
  @Path("chats")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create chats in the sandbox model (dry run only)")
  public SandboxWorldBody.Created create(
      @NotNull(message = "Send {\"chats\": [...]} as JSON.") SandboxWorldBody.NewChats body) {
    TelegramWorld world = world();
    List<SandboxWorldBody.NewChat> chats = body.chats() == null ? List.of() : body.chats();
    if (chats.isEmpty() || chats.size() > MAX_CHATS) {
      throw InvalidInputException.of("chats", "Give 1 to " + MAX_CHATS + " chats.");
    }
    for (int i = 0; i < chats.size(); i++) {
      create(world, chats.get(i), "chats[" + i + "]");
    }
    return new SandboxWorldBody.Created(chats.size());
  }

  private static void create(TelegramWorld world, SandboxWorldBody.NewChat chat, String field) {
    try {
      if (chat == null || chat.username() == null || chat.kind() == null) {
        throw new IllegalArgumentException("A chat needs a username and a kind");
      }
      if (world.chatByUsername(chat.username()).isPresent()) {
        throw new IllegalArgumentException("@" + chat.username() + " exists already");
      }
      ChatKind kind = ChatKind.valueOf(chat.kind().strip().toUpperCase(Locale.ROOT));
      NewChat spec = NewChat.of(kind, chat.username()).username(chat.username());
      if (chat.slowModeSeconds() != null && chat.slowModeSeconds() != 0) {
        spec.slowMode(chat.slowModeSeconds());
      }
      if (Boolean.TRUE.equals(chat.joinByRequest())) {
        spec.joinByRequest();
      }
      List<Integer> open = chat.topics() == null ? List.of() : chat.topics();
      List<Integer> closed = chat.closedTopics() == null ? List.of() : chat.closedTopics();
      if (open.stream().anyMatch(Objects::isNull) || closed.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("topics and closed_topics hold topic ids, not null");
      }
      boolean forum = Boolean.TRUE.equals(chat.forum());
      if (!forum && (!open.isEmpty() || !closed.isEmpty())) {
        throw new IllegalArgumentException("Only a forum has topics: set \"forum\": true");
      }
      if (forum) {
        spec.forum();
      }
      long id = world.createChat(spec).id();
      for (int topic : open) {
        world.openTopic(id, topic);
      }
      for (int topic : closed) {
        world.openTopic(id, topic);
        world.setTopicClosed(id, topic, true);
      }
      List<Long> banned = chat.bannedSessions() == null ? List.of() : chat.bannedSessions();
      if (banned.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("banned_sessions holds session ids, not null");
      }
      for (long session : banned) {
        Account account = SandboxWorld.account(Sender.session(session));
        world.setMembership(id, account, Membership.BANNED);
      }
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(field, String.valueOf(e.getMessage()));
    }
  }

  private TelegramWorld world() {
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is no model to read.");
    }
    return sandbox.world();
  }
}
