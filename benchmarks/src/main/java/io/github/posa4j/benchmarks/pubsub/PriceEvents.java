package io.github.posa4j.benchmarks.pubsub;

import io.github.posa4j.annotation.Publisher;

/**
 * The event contract of the Publisher-Subscriber benchmarks: one event method. The processor
 * generates {@code PriceEventsPublisher} from it, the publisher the benchmarks measure.
 */
@Publisher
public interface PriceEvents {
  void priceChanged(PriceChange change);
}
