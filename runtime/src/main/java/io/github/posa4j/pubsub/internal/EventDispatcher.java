package io.github.posa4j.pubsub.internal;

import io.github.posa4j.internal.Describe;
import io.github.posa4j.internal.InstalledObservers;
import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.SubscriberErrorHandler;
import io.github.posa4j.pubsub.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The subscriber list and error reporting behind one generated publisher. Generated code reads
 * {@link #registrations()} and calls each subscriber itself, so that delivery is a plain interface
 * call without reflection; it reports what a subscriber threw to {@link #failed}.
 *
 * <p>The list is copy-on-write: publishing reads one volatile array and never takes a lock, while
 * subscribing and unsubscribing copy it. A dispatch delivers to the subscribers of the array it
 * read, so one that subscribes meanwhile does not receive that event; each subscriber's
 * {@linkplain Registration#target() target} is read just before its delivery, and a closed
 * subscription's target ignores every event, so one that unsubscribes meanwhile receives nothing
 * from a delivery that reads its target after {@code close()} returned.
 *
 * @param <L> the {@code @Publisher} interface
 */
public final class EventDispatcher<L> {
  private static final System.Logger LOGGER = System.getLogger("io.github.posa4j.pubsub");
  private static final Registration<?>[] NONE = new Registration<?>[0];
  /** Where every publisher reports failures and overflows: installed by observability, if present. */
  static final PublisherProbe PROBE = InstalledObservers.one(PublisherProbe.class, PublisherProbe.NONE);

  private final String name;
  private final SubscriberErrorHandler errorHandler;
  private final Executor defaultExecutor;
  private final L ignoring;
  private final Object lock = new Object();
  /** The active registrations in registration order; {@code null} once the publisher is closed. */
  private volatile Registration<L>[] registrations = none();
  /** The registrations when the publisher was closed, whose queues every {@link #close()} waits for. */
  private Registration<L>[] closedWith;
  /**
   * The queues of asynchronous subscriptions closed before the publisher that still hold events or
   * deliver one, which {@link #close()} waits for too. Each queue joins when its subscription
   * closes or when a turn starts on it afterwards, and leaves when its turn ends with it empty.
   */
  private final Set<EventQueue<L>> closedQueues = new HashSet<>();

  /**
   * A dispatcher for the publisher of {@code interfaceName} (its name unless {@code options}
   * names it).
   *
   * @param ignoring an implementation of the interface whose every event method does nothing: the
   *     target of a closed subscription
   */
  public EventDispatcher(String interfaceName, PublisherOptions options, L ignoring) {
    Objects.requireNonNull(options, "options");
    this.ignoring = Objects.requireNonNull(ignoring, "ignoring");
    this.name = options.name() != null ? options.name() : interfaceName;
    this.errorHandler = options.errorHandler();
    this.defaultExecutor = options.executor();
  }

  @SuppressWarnings("unchecked")
  private static <L> Registration<L>[] none() {
    return (Registration<L>[]) NONE;
  }

  /**
   * The active registrations, in registration order, for one dispatch. The array is shared: never
   * modify it.
   *
   * @throws IllegalStateException if the publisher is closed
   */
  public Registration<L>[] registrations() {
    Registration<L>[] current = registrations;
    if (current == null) {
      throw closed("publish events");
    }
    return current;
  }

  /**
   * Registers a subscriber at the end of the list.
   *
   * @param subscriber what the user registered, for error reports
   * @param target what receives the events: the subscriber, or an adapter of a listener
   * @param delivery synchronous, or asynchronous through a queue
   * @param queueing makes the object that queues events for {@code target} (the generated
   *     publisher's queueing adapter); used for asynchronous delivery only
   * @throws IllegalStateException if the publisher is closed
   */
  public Subscription subscribe(Object subscriber, L target, Delivery delivery,
      Function<EventQueue<L>, ? extends L> queueing) {
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(delivery, "delivery");
    Registration<L> registration;
    if (delivery.isAsync()) {
      Executor executor = delivery.executor() != null ? delivery.executor() : defaultExecutor;
      EventQueue<L> queue = new EventQueue<>(this, subscriber, target, executor, delivery.capacity(), delivery.overflow());
      registration = new Registration<>(this, subscriber, queueing.apply(queue), queue);
    } else {
      registration = new Registration<>(this, subscriber, target, null);
    }
    synchronized (lock) {
      Registration<L>[] current = registrations;
      if (current == null) {
        throw closed("take subscribers");
      }
      Registration<L>[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = registration;
      registrations = next;
    }
    return registration;
  }

  void remove(Registration<L> registration) {
    synchronized (lock) {
      Registration<L>[] current = registrations;
      if (current == null) {
        return;
      }
      for (int i = 0; i < current.length; i++) {
        if (current[i] == registration) {
          Registration<L>[] next = Arrays.copyOf(current, current.length - 1);
          System.arraycopy(current, i + 1, next, i, current.length - i - 1);
          registrations = next;
          EventQueue<L> queue = registration.queue();
          if (queue != null) {
            queue.detach(); // before reading whether it is idle: a turn that starts later joins itself
            if (!queue.isIdle()) {
              closedQueues.add(queue);
            }
          }
          return;
        }
      }
    }
  }

  /** A turn starts on the queue of a closed subscription: {@link #close()} waits for it. */
  void drainingAfterClose(EventQueue<L> queue) {
    synchronized (lock) {
      closedQueues.add(queue);
    }
  }

  /** The queue of a closed subscription ran empty: {@link #close()} need not wait for it, unless a turn started again. */
  void drainedAfterClose(EventQueue<L> queue) {
    synchronized (lock) {
      if (queue.isIdle()) {
        closedQueues.remove(queue);
      }
    }
  }

  /**
   * Reports that {@code registration}'s subscriber threw {@code error} on {@code event} to the
   * error handler; never throws.
   */
  public void failed(Registration<L> registration, String event, Throwable error, Object[] arguments) {
    report(registration.subscriber(), event, arguments, error);
  }

  /** Hands a failed delivery to the error handler; never throws, whatever the handler does. */
  void report(Object subscriber, String event, Object[] arguments, Throwable error) {
    if (PROBE.subscriberErrorsObserved()) {
      PROBE.subscriberError(name, event, Describe.object(subscriber), error);
    }
    DeliveryFailure failure = new DeliveryFailure(name, event, arguments, subscriber, error);
    try {
      errorHandler.handle(failure);
    } catch (Throwable handlerError) {
      try {
        LOGGER.log(System.Logger.Level.WARNING, "the error handler of " + name + " threw while handling: " + failure,
            handlerError);
      } catch (Throwable loggingError) {
        // Nothing is left to tell it to without reaching the publisher or the other subscribers.
      }
    }
  }

  /**
   * Refuses new events and subscribers, waits until the queue of every asynchronous subscriber is
   * delivered, then deactivates every subscription. It waits also for the events still queued for
   * asynchronous subscriptions closed before it, so that once it returns no delivery is running
   * or pending, and an executor may be shut down without losing any. It waits for the events
   * published before it was called; an event published concurrently may still arrive after it
   * returns. Idempotent: a later call waits for the same
   * queues. Called from an asynchronous subscriber of this publisher, it does not wait at all (the
   * queues drain after it returns): waiting there could wait for the very thread it runs on.
   * Interrupted, it stops waiting and returns with the interrupt status set; the queues go on
   * draining.
   */
  public void close() {
    Registration<L>[] last;
    List<EventQueue<L>> queues = new ArrayList<>();
    synchronized (lock) {
      if (registrations != null) {
        closedWith = registrations;
        registrations = null;
      }
      last = closedWith;
      for (Registration<L> registration : last) {
        if (registration.queue() != null) {
          queues.add(registration.queue());
        }
      }
      queues.addAll(closedQueues);
    }
    if (!deliversFor(queues, Thread.currentThread())) {
      awaitQueues(queues);
    }
    for (Registration<L> registration : last) {
      registration.deactivate();
    }
  }

  /**
   * Whether {@code thread} is delivering from one of these queues. Such a thread must not wait for
   * the queues: another of them may need that very thread (an executor of one).
   */
  private static boolean deliversFor(List<? extends EventQueue<?>> queues, Thread thread) {
    for (EventQueue<?> queue : queues) {
      if (queue.isDeliveringOn(thread)) {
        return true;
      }
    }
    return false;
  }

  private static void awaitQueues(List<? extends EventQueue<?>> queues) {
    for (EventQueue<?> queue : queues) {
      if (!queue.awaitIdle()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  L ignoring() {
    return ignoring;
  }

  /** The publisher's name. */
  public String name() {
    return name;
  }

  private IllegalStateException closed(String what) {
    return new IllegalStateException("the publisher " + name + " is closed, so it cannot " + what
        + "; create a new publisher instead");
  }

  /** The name and the number of subscriptions, or that it is closed. */
  @Override
  public String toString() {
    Registration<L>[] current = registrations;
    return name + (current == null ? ", closed" : ", " + current.length + (current.length == 1 ? " subscription" : " subscriptions"));
  }
}
