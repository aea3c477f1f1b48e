package io.github.posa4j.observe;

/**
 * Emits the events of publishers. Loaded only once Flight Recorder is initialised ({@link Jfr});
 * whether an event is recorded is asked of a shared instance, as {@link ActiveObjectRecorder}
 * explains.
 */
final class PublisherRecorder {
  private static final SubscriberErrorEvent ERRORS = new SubscriberErrorEvent();
  private static final QueueOverflowEvent OVERFLOWS = new QueueOverflowEvent();

  private PublisherRecorder() {}

  /** Whether a recording takes subscriber errors. */
  static boolean subscriberErrorsRecorded() {
    return ERRORS.isEnabled();
  }

  /** Commits a subscriber error, if a recording takes it. */
  static void subscriberError(String publisher, String event, String subscriber, Throwable error) {
    SubscriberErrorEvent recorded = new SubscriberErrorEvent();
    if (recorded.shouldCommit()) {
      recorded.publisher = publisher;
      recorded.event = event;
      recorded.subscriber = subscriber;
      recorded.errorClass = error.getClass().getName();
      recorded.errorMessage = error.getMessage();
      recorded.commit();
    }
  }

  /** A started overflow event if a recording takes it, else {@code null}. */
  static Object overflowStarts() {
    if (!OVERFLOWS.isEnabled()) {
      return null;
    }
    QueueOverflowEvent event = new QueueOverflowEvent();
    event.begin();
    return event;
  }

  /** Ends {@code started} and commits it with these fields. */
  static void overflow(Object started, String publisher, String subscriber, String event, String policy,
      String outcome, int capacity) {
    QueueOverflowEvent recorded = (QueueOverflowEvent) started;
    recorded.end();
    if (recorded.shouldCommit()) {
      recorded.publisher = publisher;
      recorded.subscriber = subscriber;
      recorded.event = event;
      recorded.policy = policy;
      recorded.outcome = outcome;
      recorded.capacity = capacity;
      recorded.commit();
    }
  }
}
