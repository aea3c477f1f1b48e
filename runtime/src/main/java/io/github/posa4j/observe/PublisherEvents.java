package io.github.posa4j.observe;

/**
 * The hooks through which publishers emit their Flight Recorder events,
 * {@code io.github.posa4j.SubscriberError} and {@code io.github.posa4j.QueueOverflow} (see
 * {@link FlightRecorderEvents}). The publish-subscribe runtime calls them, only on its failure and
 * overflow paths; applications need not. The {@code ...Recorded()} methods let a caller describe
 * a subscriber (call its {@code toString()}) only when a recording takes the event.
 */
public final class PublisherEvents {
  /** {@link #overflowStarts() Overflow} outcome: an event was discarded. */
  public static final String DROPPED = "dropped";
  /** Overflow outcome: the event went to the publisher's error handler. */
  public static final String REFUSED = "refused";
  /** Overflow outcome: the publisher waited for room; the event lasts as long as the wait. */
  public static final String WAITED = "waited";

  private PublisherEvents() {}

  /** Whether a recording takes subscriber errors. */
  public static boolean subscriberErrorsRecorded() {
    return Jfr.initialized() && PublisherRecorder.subscriberErrorsRecorded();
  }

  /**
   * Records that {@code subscriber} (described) failed on {@code event} of {@code publisher} with
   * {@code error}; call when {@link #subscriberErrorsRecorded()}.
   */
  public static void subscriberError(String publisher, String event, String subscriber, Throwable error) {
    if (Jfr.initialized()) {
      PublisherRecorder.subscriberError(publisher, event, subscriber, error);
    }
  }

  /**
   * Called when an event meets a full queue, before the policy acts: a handle to pass to
   * {@link #overflow} if a recording takes overflow events, else {@code null}.
   */
  public static Object overflowStarts() {
    return Jfr.initialized() ? PublisherRecorder.overflowStarts() : null;
  }

  /**
   * Records the overflow begun by {@link #overflowStarts()}, whose non-null handle is
   * {@code started}: what the {@code policy} did with {@code event} for {@code subscriber}
   * (described) of {@code publisher}: {@link #DROPPED}, {@link #REFUSED} or {@link #WAITED}.
   */
  public static void overflow(Object started, String publisher, String subscriber, String event, String policy,
      String outcome, int capacity) {
    PublisherRecorder.overflow(started, publisher, subscriber, event, policy, outcome, capacity);
  }
}
