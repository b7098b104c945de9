package dev.herald.api.sandbox;

import dev.herald.api.account.AdminOnly;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.sandbox.SandboxWorld;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What the sandbox's Telegram model received for one chat, newest last: the dry run's proof of what
 * a real transport would have sent (which media, grouped how). Refused unless sessions are dry run.
 */
@Path("/admin/sandbox/send-log")
@RolesAllowed({"ADMIN", "OWNER"})
@AdminOnly
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSandboxSendLogResource {

  @Inject SandboxWorld world;
  @Inject TelegramGateway gateway;

  @GET
  @Operation(summary = "The sandbox model's recent sends to a chat (chat=@username or id)")
  public List<SentMessageView> sent(@QueryParam("chat") String chat) {
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is no send log.");
    }
    ChatReference reference =
        ChatReference.tryParse(chat == null ? "" : chat)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "chat", "Name the chat: @username, a https://t.me/ link or a chat id."));
    return world
        .chat(reference)
        .map(
            found ->
                world.world().sendLog().entries().stream()
                    .filter(e -> e.chatId() == found.id())
                    .map(SentMessageView::of)
                    .toList())
        .orElse(List.of());
  }
}
