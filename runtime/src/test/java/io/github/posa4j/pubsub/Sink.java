package io.github.posa4j.pubsub;

import io.github.posa4j.pubsub.internal.QueuedEvent;

/**
 * The event contract of the runtime's publish-subscribe tests (here and in {@code observe}), as a
 * generated publisher would see it.
 */
public interface Sink {
  void put(int value);

  /** What a generated publisher would declare for {@code put}. */
  final class Put extends QueuedEvent<Sink> {
    private final int value;

    public Put(int value) {
      this.value = value;
    }

    @Override
    protected void deliverTo(Sink subscriber) {
      subscriber.put(value);
    }

    @Override
    protected String event() {
      return "put";
    }

    @Override
    protected Object[] arguments() {
      return new Object[] {value};
    }
  }
}
