package io.github.posa4j.observe;

import io.github.posa4j.pubsub.QueuedEvent;

/** The event contract of the publisher events tests, as a generated publisher would see it. */
interface Feed {
  void put(int value);

  /** What a generated publisher would declare for {@code put}. */
  final class Put extends QueuedEvent<Feed> {
    private final int value;

    Put(int value) {
      this.value = value;
    }

    @Override
    protected void deliverTo(Feed subscriber) {
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
