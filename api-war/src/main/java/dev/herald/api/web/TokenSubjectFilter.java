package dev.herald.api.web;

import dev.herald.api.problem.ProblemResponses;
import dev.herald.domain.shared.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SPEC rule 1: the acting account is the token's {@code sub}. Liberty's verifier refuses a token
 * without {@code sub} but accepts a blank one ({@code " "}); such a token names nobody and is
 * refused here like any other invalid token, before a resource can run.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenSubjectFilter implements ContainerRequestFilter {

  @Inject ProblemResponses problems;

  @Override
  public void filter(ContainerRequestContext request) {
    JsonWebToken token = VerifiedTokens.of(request.getSecurityContext().getUserPrincipal());
    if (token == null) {
      return;
    }
    String subject = token.getSubject();
    if (subject == null || subject.isBlank() || !subject.equals(subject.strip())) {
      request.abortWith(
          Response.fromResponse(
                  problems.build(
                      ProblemType.UNAUTHORIZED,
                      "Send a valid bearer token in the Authorization header."))
              .header(
                  HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"MP-JWT\", error=\"invalid_token\"")
              .build());
    }
  }
}
