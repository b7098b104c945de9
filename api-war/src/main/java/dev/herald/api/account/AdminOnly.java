package dev.herald.api.account;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin resource (SPEC rule 2). The token half of the rule is the resource's {@code
 * RolesAllowed({"ADMIN", "OWNER"})}, checked by the platform; the stored-account half is {@link
 * AdminOnlyFilter}, bound by this annotation, so no resource method checks anything itself.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {}
