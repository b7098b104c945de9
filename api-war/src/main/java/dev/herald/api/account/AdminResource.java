package dev.herald.api.account;

/**
 * An admin resource (SPEC rule 2): {@link AdminOnly}, inherited by every subclass, binds {@link
 * AdminOnlyFilter} to all its methods. Subclasses carry {@code RolesAllowed({"ADMIN", "OWNER"})}
 * themselves (see {@link AuthenticatedResource} for why it cannot live here).
 */
@AdminOnly
public abstract class AdminResource extends AuthenticatedResource {}
