package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a {@link CommandProcessor} receiver that changes nothing: it runs in
 * order with the commands, but it is not journaled and leaves no undo entry, and its parameters
 * need no codec. Its future completes only once every command queued before it is durable, so
 * that nobody is answered from a state that a crash could take back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {}
