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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What the sandbox's Telegram model received in one chat: its send log's recent attempts there,
 * oldest first, each with when and Telegram's answer. It is the transport's own record, not
 * Herald's: system tests assert on it that nothing was posted outside active hours or beyond a cap.
 * Dry run only.
 */
@Path("/admin/sandbox/sends")
@RolesAllowed({"ADMIN", "OWNER"})
@AdminOnly
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSandboxSendsResource {

  @Inject SandboxWorld sandbox;
  @Inject TelegramGateway gateway;

  /** One attempt the model received: when, and {@code ok} or the error it answered. */
  public record SendView(Instant at, String outcome) {}

  @GET
  @Operation(summary = "The sandbox model's recent sends to one chat (dry run only)")
  public List<SendView> sends(@QueryParam("chat") String chat) {
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is no sandbox send log.");
    }
    ChatReference reference =
        ChatReference.tryParse(chat)
            .orElseThrow(
                () -> InvalidInputException.of("chat", "Give the chat as @username or a chat id."));
    return sandbox
        .chat(reference)
        .map(
            target ->
                sandbox.world().sendLog().entries().stream()
                    .filter(entry -> entry.chatId() == target.id())
                    .map(entry -> new SendView(entry.at(), entry.outcome()))
                    .toList())
        .orElse(List.of());
  }
}
