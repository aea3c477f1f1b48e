package io.github.posa4j.pubsub;

/** The event contract of the runtime's publish-subscribe tests, as a generated publisher would see it. */
interface Sink {
  void put(int value);

  /** What a generated publisher would declare for {@code put}. */
  final class Put extends QueuedEvent<Sink> {
    private final int value;

    Put(int value) {
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
