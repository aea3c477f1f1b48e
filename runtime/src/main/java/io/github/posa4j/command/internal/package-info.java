/**
 * Internal: the command processor's engine, journal and the types generated
 * {@code <Name>Commands} classes extend. Public only because generated code in other packages
 * calls them; they may change in any release. Use the generated class and
 * {@link io.github.posa4j.command.CommandOptions} instead.
 */
package io.github.posa4j.command.internal;
