package dev.herald.api.sandbox;

import dev.herald.api.account.AdminResource;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.sandbox.SandboxWorld;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What the sandbox's simulated Telegram received, newest last: text or caption, entities, buttons,
 * media (an album's in one entry), and its answer, optionally for one chat. It is the transport's
 * own record, not Herald's: for admins checking what posts look like without a real chat, and for
 * the system tests, which assert on exactly this (nothing posted outside active hours or beyond a
 * cap, which media grouped how). Dry run only.
 */
@Path("/admin/sandbox/sent")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminSandboxSentResource extends AdminResource {

  @Inject SandboxWorld world;
  @Inject TelegramGateway gateway;

  @GET
  @Operation(summary = "The sandbox Telegram's most recent messages, optionally for one chat")
  public List<SandboxSentView> sent(@QueryParam("chat") String chat) {
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is no sandbox send log.");
    }
    Optional<Long> chatId = Optional.empty();
    int topic = 0;
    if (chat != null && !chat.isBlank()) {
      ChatReference reference =
          ChatReference.tryParse(chat)
              .orElseThrow(() -> InvalidInputException.of("chat", "Not a Telegram chat."));
      chatId = world.chat(reference).map(Chat::id);
      topic = reference.topic();
      if (chatId.isEmpty()) {
        return List.of();
      }
    }
    Optional<Long> only = chatId;
    int onlyTopic = topic; // a topic link shows that topic's sends; a chat all of them
    return world.world().sendLog().entries().stream()
        .filter(entry -> only.isEmpty() || entry.chatId() == only.get())
        .filter(entry -> onlyTopic == 0 || entry.topic() == onlyTopic)
        .map(SandboxSentView::of)
        .toList();
  }
}
