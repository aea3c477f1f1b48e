/**
 * Internal: types the runtime's pattern packages share without depending on each other. Not an
 * API: nothing here is meant for applications, and any of it may change in any release.
 *
 * <p>{@link io.github.posa4j.internal.ObserverProvider} and
 * {@link io.github.posa4j.internal.InstalledObservers} let observability (which depends on the
 * patterns) give the patterns their observers, without the patterns depending on it;
 * {@link io.github.posa4j.internal.SerialTurns} runs queued work in serial turns on an executor,
 * for active objects on a shared executor and asynchronous subscribers alike.
 */
package io.github.posa4j.internal;
