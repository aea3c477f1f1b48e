/**
 * The hooks through which observability (Flight Recorder, JMX, Micrometer) watches this JVM's
 * memberships of elections. Only posa4j's own modules use these types; they may change in any
 * release.
 */
package io.github.posa4j.leader.internal;
