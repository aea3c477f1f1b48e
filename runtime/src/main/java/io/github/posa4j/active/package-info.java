/**
 * The runtime of active objects ({@link io.github.posa4j.annotation.ActiveObject @ActiveObject},
 * POSA2): the {@link io.github.posa4j.active.MethodRequest} that each generated request class
 * extends, the {@link io.github.posa4j.active.ActiveObjectScheduler} that queues requests and runs
 * them one at a time on the servant, and the {@link io.github.posa4j.active.ActiveObjectOptions}
 * that choose queue capacity, overflow behaviour, name, and where requests run. Observers hear of
 * active objects through {@link io.github.posa4j.active.ActiveObjects}; the
 * {@link io.github.posa4j.active.ActiveObjectProbe} is the per-request hook of observability.
 */
package io.github.posa4j.active;
