package dev.herald.api.ping;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A liveness ping for clients and benchmarks: no token, no body, no work of its own. It passes the
 * same filters as every other resource (request id, security headers, CORS, the per-client rate
 * limit and its bucket in PostgreSQL), so it is the baseline an endpoint's own cost is measured
 * against.
 */
@Path("/ping")
@PermitAll
public class PingResource {

  @GET
  @Operation(summary = "Unauthenticated liveness ping for benchmarks and clients; 204, no body")
  @APIResponse(responseCode = "204", description = "The API answers")
  public void ping() {
    // 204 No Content: the answer is that there is one.
  }
}
