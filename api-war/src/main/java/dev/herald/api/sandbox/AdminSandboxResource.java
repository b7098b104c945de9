package dev.herald.api.sandbox;

import dev.herald.api.account.AdminResource;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.sandbox.FaultPlan;
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
 * Read and change the sandbox's simulated latency and faults. Refused unless sessions are dry run.
 */
@Path("/admin/sandbox/faults")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminSandboxResource extends AdminResource {

  @Inject SandboxFaults faults;
  @Inject TelegramGateway gateway;
  @Inject AuditLog audit;

  @GET
  @Operation(summary = "The sandbox's current latency and faults")
  public SandboxFaultsBody get() {
    return SandboxFaultsBody.of(faults.plan());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(summary = "Change the sandbox's latency and faults (dry run only)")
  public SandboxFaultsBody put(
      @NotNull(message = "Send the faults as JSON.") SandboxFaultsBody body) {
    var actor = current.actor();
    if (!gateway.dryRun()) {
      throw new ConflictException(
          ProblemType.NOT_SANDBOX, "Sessions use a real transport; there is nothing to simulate.");
    }
    FaultPlan changed;
    try {
      changed = body.applyTo(faults.plan());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("body", e.getMessage());
    }
    faults.update(plan -> changed);
    audit.record(actor, AuditAction.SANDBOX_FAULTS_CHANGED, "sandbox", null, changed.toString());
    return SandboxFaultsBody.of(changed);
  }
}
