package dev.herald.api.userbot;

import dev.herald.api.account.AuthenticatedResource;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.userbot.UserBotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The caller's own user bot (one per account). Every method acts on the token subject's bot only.
 */
@Path("/user-bot")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class UserBotResource extends AuthenticatedResource {

  @Inject UserBotService bots;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register your own Bot API bot; the token is stored encrypted and shown masked")
  public Response register(
      @NotNull(message = "Send the token as a JSON object.") @Valid UserBotBody body) {
    return Response.status(Response.Status.CREATED)
        .entity(UserBotView.of(bots.register(current.id(), body.token()), bots.transport()))
        .build();
  }

  @GET
  @Operation(summary = "Read your user bot (token masked)")
  public UserBotView get() {
    return UserBotView.of(bots.get(current.id()), bots.transport());
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the token; the bot must be verified again")
  public UserBotView replaceToken(
      @NotNull(message = "Send the token as a JSON object.") @Valid UserBotBody body) {
    return UserBotView.of(bots.replaceToken(current.id(), body.token()), bots.transport());
  }

  @DELETE
  @Operation(summary = "Remove your user bot and its token")
  public Response remove() {
    bots.remove(current.id());
    return Response.noContent().build();
  }

  @POST
  @Path("/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Check the token with getMe and, given a chat, a test message")
  public UserBotView verify(VerifyBody body) {
    Optional<ChatReference> chat =
        Optional.ofNullable(body)
            .map(VerifyBody::testChat)
            .filter(s -> !s.isBlank())
            .map(
                raw ->
                    ChatReference.tryParse(raw)
                        .orElseThrow(
                            () ->
                                InvalidInputException.of(
                                    "test_chat",
                                    "Not a Telegram chat: use @username, a https://t.me/ link or a"
                                        + " chat id.")));
    return UserBotView.of(bots.verify(current.id(), chat), bots.transport());
  }
}
