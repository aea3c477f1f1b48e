/**
 * Internal: what generated publishers call, and the hook observability listens through. Only
 * generated code and posa4j's own modules may use these types; they may change in any release.
 *
 * <p>{@link io.github.posa4j.pubsub.internal.EventDispatcher} holds a publisher's subscribers and
 * delivers each event to them; {@link io.github.posa4j.pubsub.internal.EventQueue} is one
 * asynchronous subscriber's queue (a bounded {@code EventBuffer} whose deliveries run in serial
 * turns), {@link io.github.posa4j.pubsub.internal.QueuedEvent} the event a generated publisher
 * queues, {@link io.github.posa4j.pubsub.internal.Registration} one subscriber with its delivery,
 * and {@link io.github.posa4j.pubsub.internal.PublisherProbe} the hook through which observability
 * hears of failed deliveries and full queues.
 */
package io.github.posa4j.pubsub.internal;
