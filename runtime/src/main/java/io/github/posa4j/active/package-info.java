/**
 * Active objects ({@link io.github.posa4j.annotation.ActiveObject @ActiveObject}, POSA2) as
 * applications configure them: the {@link io.github.posa4j.active.ActiveObjectOptions} that choose
 * queue capacity, {@link io.github.posa4j.active.OverflowPolicy overflow behaviour}, name, and where
 * requests run, and the {@link io.github.posa4j.active.QueueFullException} a full queue may throw.
 * What generated active objects call is in {@code io.github.posa4j.active.internal}.
 */
package io.github.posa4j.active;
