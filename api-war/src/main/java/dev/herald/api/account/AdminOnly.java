package dev.herald.api.account;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin resource (SPEC rule 2): {@link AdminOnlyFilter}, bound by this annotation, checks
 * the token's role and the stored account before any method runs, so no resource method checks
 * anything itself. The resource's {@code RolesAllowed({"ADMIN", "OWNER"})} stays for the platform
 * (401 without a token). Inherited, so that {@link AdminResource} marks every admin resource.
 */
@NameBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {}
