package dev.herald.api.sandbox;

import dev.herald.api.account.AdminResource;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.sandbox.SandboxFaults;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The sandbox fault that sends the next cycle sends twice, on purpose: a system test proves with it
 * that the duplicates counted from the send log can be more than zero (SPEC rule 17). A test hook
 * for operators, not a tenant feature; refused unless the sandbox transport is in use.
 */
@Path("/admin/sandbox/send-twice")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminSandboxSendTwiceResource extends AdminResource {

  /** How many of the next cycle sends are (still) to be sent twice. */
  public record SendTwiceBody(Integer sends) {}

  @Inject SandboxFaults faults;
  @Inject TelegramGateway gateway;
  @Inject AuditLog audit;

  @GET
  @Operation(summary = "How many of the next cycle sends the sandbox still sends twice")
  public SendTwiceBody get() {
    return new SendTwiceBody(faults.sendTwicePending());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(summary = "Send the next cycle sends twice, on purpose (dry run only)")
  public SendTwiceBody put(@NotNull(message = "Send {\"sends\": N} as JSON.") SendTwiceBody body) {
    var actor = current.actor();
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is nothing to simulate.");
    }
    if (body.sends() == null || body.sends() < 0 || body.sends() > 1000) {
      throw InvalidInputException.of("sends", "Give sends as a number from 0 to 1000.");
    }
    faults.sendTwice(body.sends());
    audit.record(
        actor, AuditAction.SANDBOX_FAULTS_CHANGED, "sandbox", null, "send twice: " + body.sends());
    return new SendTwiceBody(faults.sendTwicePending());
  }
}
