package io.github.posa4j.pubsub.internal;

import io.github.posa4j.pubsub.SubscriberErrorHandler;

/**
 * The points at which publishers report delivery failures and full queues, for an observability
 * binding such as posa4j's Flight Recorder events. Called only on those paths, never for an event
 * delivered. Installed once, through {@link io.github.posa4j.internal.ObserverProvider}; not an
 * API for applications, which get failures through their {@link SubscriberErrorHandler}.
 *
 * <p>The {@code ...Observed()} and {@code ...Starts()} methods let a publisher describe a
 * subscriber (call its {@code toString()}) only when someone takes the report.
 */
public interface PublisherProbe {
  /** {@link #overflow Overflow} outcome: an event was discarded. */
  String DROPPED = "dropped";
  /** Overflow outcome: the event went to the publisher's error handler. */
  String REFUSED = "refused";
  /** Overflow outcome: the publisher waited for room; the report lasts as long as the wait. */
  String WAITED = "waited";

  /** The probe of a runtime without observability: it reports nothing. */
  PublisherProbe NONE = new PublisherProbe() {};

  /** Whether {@link #subscriberError} reports go anywhere now. */
  default boolean subscriberErrorsObserved() {
    return false;
  }

  /**
   * {@code subscriber} (described) failed on {@code event} of {@code publisher} with
   * {@code error}; called when {@link #subscriberErrorsObserved()}.
   */
  default void subscriberError(String publisher, String event, String subscriber, Throwable error) {}

  /**
   * Called when an event meets a full queue, before the overflow policy acts: a handle to pass to
   * {@link #overflow}, or {@code null} when nobody takes overflow reports.
   */
  default Object overflowStarts() {
    return null;
  }

  /**
   * The overflow begun by {@link #overflowStarts()}, whose non-null handle is {@code started}:
   * what the {@code policy} did with {@code event} for {@code subscriber} (described) of
   * {@code publisher}: {@link #DROPPED}, {@link #REFUSED} or {@link #WAITED}.
   */
  default void overflow(Object started, String publisher, String subscriber, String event, String policy,
      String outcome, int capacity) {}
}
