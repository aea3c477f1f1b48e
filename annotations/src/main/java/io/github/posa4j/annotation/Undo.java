package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the inverse of a command of a {@link CommandProcessor} receiver, which makes the command
 * undoable and lets it take part in macros.
 *
 * <p>The inverse is a method of the receiver returning {@code void}, whose parameters are the
 * command's, optionally followed by one of the command's return type, which receives the result
 * the command returned. It is not a command itself unless it is public, and it should not be:
 * make it package-private so that it is called only as an undo.
 *
 * <pre>{@code
 * @Undo("unpost")
 * public long post(String account, long cents) { ... }
 *
 * void unpost(String account, long cents, long balanceAfter) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Undo {

  /** The name of the inverse method of the receiver. Required. */
  String value();
}
