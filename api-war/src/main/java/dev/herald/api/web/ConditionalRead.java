package dev.herald.api.web;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read a dashboard polls: its answer carries an {@code ETag}, and a request whose {@code
 * If-None-Match} names the current one is answered 304 without a body ({@link
 * ConditionalReadFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConditionalRead {}
