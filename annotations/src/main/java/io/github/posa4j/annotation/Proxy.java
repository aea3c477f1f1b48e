package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a static <b>Proxy</b> (POSA1, GoF) of an interface: the annotation processor generates
 * {@code <Name>Proxy implements <Name>}, with {@code lazy(Supplier)} for a virtual proxy that
 * creates its target on first use, and {@code intercept(target, Interceptor...)} for a chain of
 * interceptors (protection, logging, timing, or your own) around a target. Calls go straight
 * through generated code; there is no {@code java.lang.reflect} at call time.
 *
 * <p>Allowed on interfaces only, generic ones included.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Proxy {}
