/**
 * The runtime of publishers ({@link io.github.posa4j.annotation.Publisher @Publisher}, POSA1
 * Publisher-Subscriber), as applications use it: the {@link io.github.posa4j.pubsub.Subscription}
 * every subscribe call returns, the {@link io.github.posa4j.pubsub.Delivery} that chooses
 * synchronous or queued delivery, the {@link io.github.posa4j.pubsub.PublisherOptions} with the
 * error handler and the default executor, and the {@link io.github.posa4j.pubsub.DeliveryFailure}
 * that handler receives. What generated publishers call is in
 * {@code io.github.posa4j.pubsub.internal}.
 */
package io.github.posa4j.pubsub;
