package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A synchronization guard (POSA2) on a method of an {@link ActiveObject} servant: requests for the
 * method wait in the activation queue until the named condition of the servant holds.
 *
 * <p>A waiting request does not block runnable requests queued behind it; it is examined again
 * after each executed request.
 *
 * <pre>{@code
 * @Guard("isNotEmpty")
 * public Item take() { return items.removeFirst(); }
 *
 * boolean isNotEmpty() { return !items.isEmpty(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Guard {

  /**
   * The name of a no-argument, non-static {@code boolean} method of the servant that tells whether
   * requests for the guarded method may run now. Required.
   */
  String value();
}
