package io.github.posa4j.examples.pubsub;

import io.github.posa4j.annotation.Publisher;

/** The events of the publisher tests: numbered ticks from several sources, and a reset. */
@Publisher
public interface Ticks {

  void tick(int source, long sequence);

  void reset(String reason);
}
