package dev.herald.api.auth;

import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.web.VerifiedTokens;
import dev.herald.domain.shared.ProblemType;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication and role checks for every API resource, in this one place (SPEC rules 1 and 2):
 * the {@code Authorization: Bearer} token is verified ({@link TokenVerifier}), becomes the
 * request's principal and roles, and the resource method's {@code @RolesAllowed},
 * {@code @PermitAll} or {@code @DenyAll} (else its class's, or a superclass's) decides. A method
 * that needs roles answers 401 without a valid token and 403 without one of its roles; it never
 * runs. Only the header is read: cookies and other schemes are not tokens. On a {@code @PermitAll}
 * method an invalid token is ignored, so a stale token in a client never blocks signing in.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  /** What a resource method requires, read once per method. */
  private record Access(boolean open, List<String> roles) {
    static final Access OPEN = new Access(true, List.of());
  }

  private final Map<Method, Access> access = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;
  @Inject TokenVerifier verifier;
  @Inject ProblemResponses problems;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    Optional<VerifiedToken> token =
        presented ? verifier.verify(header.substring(BEARER.length()).strip()) : Optional.empty();
    token.ifPresent(
        t -> {
          request.setProperty(VerifiedTokens.ATTRIBUTE, t);
          request.setSecurityContext(
              new TokenSecurityContext(t, request.getSecurityContext().isSecure()));
        });
    Method method = resource.getResourceMethod();
    Access needed = method == null ? Access.OPEN : access.computeIfAbsent(method, this::accessOf);
    if (needed.open()) {
      return;
    }
    if (token.isEmpty()) {
      request.abortWith(unauthorized(presented));
    } else if (needed.roles().stream().noneMatch(token.get()::inRole)) {
      throw new ForbiddenException();
    }
  }

  private Response unauthorized(boolean presented) {
    return Response.fromResponse(
            problems.build(
                ProblemType.UNAUTHORIZED, "Send a valid bearer token in the Authorization header."))
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            presented
                ? "Bearer realm=\"herald\", error=\"invalid_token\""
                : "Bearer realm=\"herald\"")
        .build();
  }

  /** The method's own annotation first, then its class's and the superclasses'; none is open. */
  private Access accessOf(Method method) {
    Access own = declared(method);
    if (own != null) {
      return own;
    }
    for (Class<?> c = resource.getResourceClass(); c != null; c = c.getSuperclass()) {
      Access declared = declared(c);
      if (declared != null) {
        return declared;
      }
    }
    return Access.OPEN;
  }

  /** What {@code element} itself says, {@code @DenyAll} first; null when it says nothing. */
  private static Access declared(AnnotatedElement element) {
    if (element.isAnnotationPresent(DenyAll.class)) {
      return new Access(false, List.of());
    }
    if (element.isAnnotationPresent(PermitAll.class)) {
      return Access.OPEN;
    }
    RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
    return roles == null ? null : new Access(false, List.of(roles.value()));
  }
}
