package io.github.posa4j.observe;

import io.github.posa4j.pubsub.internal.PublisherProbe;

/**
 * The probe through which publishers emit their Flight Recorder events,
 * {@code io.github.posa4j.SubscriberError} and {@code io.github.posa4j.QueueOverflow} (see
 * {@link FlightRecorderEvents}); {@link StandardObservers} installs it. Publishers call it only on
 * their failure and overflow paths.
 */
final class PublisherEvents implements PublisherProbe {
  static final PublisherProbe INSTANCE = new PublisherEvents();

  private PublisherEvents() {}

  @Override
  public boolean subscriberErrorsObserved() {
    return Jfr.initialized() && PublisherRecorder.subscriberErrorsRecorded();
  }

  @Override
  public void subscriberError(String publisher, String event, String subscriber, Throwable error) {
    if (Jfr.initialized()) {
      PublisherRecorder.subscriberError(publisher, event, subscriber, error);
    }
  }

  @Override
  public Object overflowStarts() {
    return Jfr.initialized() ? PublisherRecorder.overflowStarts() : null;
  }

  @Override
  public void overflow(Object started, String publisher, String subscriber, String event, String policy,
      String outcome, int capacity) {
    PublisherRecorder.overflow(started, publisher, subscriber, event, policy, outcome, capacity);
  }

  @Override
  public String toString() {
    return "posa4j Flight Recorder events of publishers";
  }
}
