/**
 * The posa4j annotations: everything an application imports to ask for a pattern.
 *
 * <p>Architecture patterns of <i>Pattern-Oriented Software Architecture</i>: {@link ActiveObject}
 * (with {@link Guard}), {@link Proxy}, {@link Publisher}, and {@link CommandProcessor} (with
 * {@link Undo} and {@link ReadOnly}). Resilience policies with the names,
 * attributes and defaults of MicroProfile Fault Tolerance 4.x: {@link CircuitBreaker},
 * {@link Retry}, {@link Timeout}, {@link Bulkhead} and {@link Fallback}; and {@link LeaderOnly}, a
 * method that runs only on the leader of an election (POSA2 Leader Election).
 *
 * <p>Every annotation has {@code RUNTIME} retention so that the annotation processor, the
 * runtime and the Java agent all see the same declarations. This module has no dependencies.
 */
package io.github.posa4j.annotation;
