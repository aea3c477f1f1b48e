/**
 * The runtime of publishers ({@link io.github.posa4j.annotation.Publisher @Publisher}, POSA1
 * Publisher-Subscriber): the {@link io.github.posa4j.pubsub.Subscription} every subscribe call
 * returns, the {@link io.github.posa4j.pubsub.Delivery} that chooses synchronous or queued
 * delivery, the {@link io.github.posa4j.pubsub.PublisherOptions} with the error handler and the
 * default executor, and the {@link io.github.posa4j.pubsub.EventDispatcher} that generated
 * publishers call. The {@link io.github.posa4j.pubsub.PublisherProbe} is the hook through which
 * observability hears of failed deliveries and full queues.
 */
package io.github.posa4j.pubsub;
