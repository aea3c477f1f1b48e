package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an interface the event contract of a <b>Publisher-Subscriber</b> (POSA1): each abstract
 * method is an event (default methods are conveniences the publisher inherits), and the annotation processor generates {@code <Name>Publisher implements <Name>},
 * which delivers every call to its subscribers, synchronously in subscription order or
 * asynchronously through a bounded per-subscriber queue.
 *
 * <p>Allowed on interfaces only; every event method must return {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Publisher {}
