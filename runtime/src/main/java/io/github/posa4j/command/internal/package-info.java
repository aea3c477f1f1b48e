/**
 * Internal: the command processor's engine, journal and the types generated
 * {@code <Name>Commands} classes extend, and the hooks observability listens through. Public only
 * because generated code in other packages and posa4j's own modules call them; they may change in
 * any release. Use the generated class and {@link io.github.posa4j.command.CommandOptions} instead.
 *
 * <p>Observers hear of processors as they open and close through
 * {@link io.github.posa4j.command.internal.CommandProcessors}, and
 * {@link io.github.posa4j.command.internal.CommandProbe} is the per-call and per-sync hook.
 */
package io.github.posa4j.command.internal;
