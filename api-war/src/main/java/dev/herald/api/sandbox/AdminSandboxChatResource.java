package dev.herald.api.sandbox;

import dev.herald.api.account.AdminResource;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.sandbox.SandboxWorld;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The sandbox's Telegram model as an admin sees it: a chat's members, join requests and recent
 * sends, and the admin's moves in it (add a tenant's bot, ban, approve a join request). Refused
 * unless sessions are dry run.
 */
@Path("/admin/sandbox/world/chat")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminSandboxChatResource extends AdminResource {

  private static final Pattern ACCOUNT = Pattern.compile("(user|bot)#([1-9][0-9]{0,18})");

  @Inject SandboxWorld sandbox;
  @Inject TelegramGateway gateway;

  @GET
  @Operation(summary = "A chat of the sandbox's model: members, join requests, recent sends")
  public SandboxChatView chat(@QueryParam("ref") String ref) {
    requireSandbox();
    return SandboxChatView.of(sandbox.world(), find(ref, "ref"));
  }

  @PUT
  @Path("/member")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set an account's membership in a sandbox chat, or approve its join request")
  public SandboxChatView member(
      @NotNull(message = "Send the change as JSON.") @Valid SandboxMemberBody body) {
    requireSandbox();
    Chat chat = find(body.chat(), "chat");
    Account account = account(body.account());
    String membership = body.membership().strip().toUpperCase(Locale.ROOT);
    try {
      if (membership.equals("APPROVED")) {
        sandbox.world().approveJoinRequest(chat.id(), account);
      } else {
        sandbox.world().setMembership(chat.id(), account, Membership.valueOf(membership));
      }
    } catch (TelegramException e) {
      throw InvalidInputException.of(
          "account", account + " has no join request in this chat (" + e.error() + ").");
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          "membership", "Use MEMBER, ADMINISTRATOR, BANNED, LEFT or APPROVED.");
    }
    return SandboxChatView.of(sandbox.world(), chat);
  }

  private void requireSandbox() {
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is no sandbox world.");
    }
  }

  private Chat find(String ref, String field) {
    ChatReference reference =
        ChatReference.tryParse(ref)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        field, "Use @username, a https://t.me/ link or a numeric chat id."));
    return sandbox
        .chat(reference)
        .orElseThrow(() -> new NotFoundException("No chat " + reference + " in the sandbox."));
  }

  private static Account account(String raw) {
    Matcher m = ACCOUNT.matcher(raw.strip());
    if (!m.matches()) {
      throw InvalidInputException.of("account", "Use user#<session id> or bot#<account id>.");
    }
    long id = Long.parseLong(m.group(2));
    return m.group(1).equals("user") ? Account.user(id) : Account.bot(id);
  }
}
