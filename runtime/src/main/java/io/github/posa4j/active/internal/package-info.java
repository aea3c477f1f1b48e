/**
 * Internal: what generated active objects call, and the hooks observability listens through. Only
 * generated code and posa4j's own modules may use these types; they may change in any release.
 *
 * <p>{@link io.github.posa4j.active.internal.MethodRequest} is what each generated request class
 * extends; {@link io.github.posa4j.active.internal.ActiveObjectScheduler} queues requests and runs
 * them one at a time on the servant, on a thread of its own ({@code ThreadScheduler}) or in serial
 * turns on a shared executor ({@code ExecutorScheduler}). Observers hear of active objects through
 * {@link io.github.posa4j.active.internal.ActiveObjects}, and
 * {@link io.github.posa4j.active.internal.ActiveObjectProbe} is the per-request hook.
 */
package io.github.posa4j.active.internal;
