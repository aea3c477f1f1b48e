package io.github.posa4j.pubsub.internal;

import io.github.posa4j.internal.Describe;
import io.github.posa4j.pubsub.EventQueueFullException;
import io.github.posa4j.pubsub.QueueOverflow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of one asynchronous subscriber, with its {@link QueueOverflow} policy: any
 * thread {@linkplain #add adds}, one consumer at a time {@linkplain #take takes}, in the order
 * events were added. {@link EventQueue} runs the consumer.
 *
 * <p>Adding takes no lock: an event is counted against the capacity with one CAS and pushed onto
 * a lock-free stack with another; the consumer takes the whole stack at once and reverses it into
 * publication order. Locks are taken only to wait (by a publisher for room under
 * {@link QueueOverflow#BLOCK}) and to unlink events {@link QueueOverflow#DROP_OLDEST} has dropped.
 *
 * @param <L> the {@code @Publisher} interface
 */
final class EventBuffer<L> {
  private static final long ONE_STALE = 1L << 32;

  private final EventDispatcher<L> dispatcher;
  private final Object subscriber;
  private final int capacity;
  private final QueueOverflow overflow;

  /** Events added and not yet taken by the consumer, newest first. */
  private final AtomicReference<QueuedEvent<L>> incoming = new AtomicReference<>();
  /**
   * Two counts in one word, so that each change is one CAS: in the low 32 bits the events queued
   * and not yet taken ({@link #pendingEvents()}); in the high 32 bits how many of the oldest
   * waiting events {@link QueueOverflow#DROP_OLDEST} has dropped, which the consumer skips. Every
   * queued event adds one to exactly one of them; every event taken removes one.
   */
  private final AtomicLong counts = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  /** The thread taking events now, or {@code null}; set and cleared by that thread. */
  private volatile Thread consumer;

  /** Events taken from {@link #incoming}, oldest first; only the consumer touches it. */
  private QueuedEvent<L> taken;
  /**
   * How many events in {@link #taken} are not yet counted as taken: the oldest waiting events,
   * which {@link #compact()} must leave to the consumer to skip. Kept by
   * {@link QueueOverflow#DROP_OLDEST} queues only; set under the compaction lock, lowered after
   * each count, so that compaction never sees it lower than it is.
   */
  private final AtomicInteger takenWaiting = new AtomicInteger();

  /** Taken by {@link QueueOverflow#DROP_OLDEST} queues only: see {@link #compact()}. */
  private final ReentrantLock compaction = new ReentrantLock();
  private final ReentrantLock waiting = new ReentrantLock();
  private final Condition room = waiting.newCondition();
  private volatile int waiters;

  EventBuffer(EventDispatcher<L> dispatcher, Object subscriber, int capacity, QueueOverflow overflow) {
    this.dispatcher = dispatcher;
    this.subscriber = subscriber;
    this.capacity = capacity;
    this.overflow = overflow;
  }

  /**
   * Queues {@code event}, or applies the overflow policy when the queue is full; whether it was
   * queued (else it was dropped, or refused and reported to the error handler).
   */
  boolean add(QueuedEvent<L> event) {
    if (!reserveRoom(event)) {
      return false;
    }
    QueuedEvent<L> head;
    do {
      head = incoming.get();
      event.next = head;
    } while (!incoming.compareAndSet(head, event));
    return true;
  }

  /** Whether events were added that the consumer has not taken yet. */
  boolean hasIncoming() {
    return incoming.get() != null;
  }

  /** Sets the thread now taking events: the current one, or {@code null} when it stops. */
  void consumer(Thread thread) {
    consumer = thread;
  }

  /** Whether {@code thread} is taking events now. */
  boolean consumesOn(Thread thread) {
    return consumer == thread;
  }

  /** Counts {@code event} against the capacity; whether it may be queued (else it was dropped or refused). */
  private boolean reserveRoom(QueuedEvent<L> event) {
    while (true) {
      long current = counts.get();
      if (queued(current) < capacity) {
        if (counts.compareAndSet(current, current + 1)) {
          return true;
        }
        continue;
      }
      switch (overflow) {
        case DROP_OLDEST:
          if (!counts.compareAndSet(current, current + ONE_STALE)) {
            continue; // an event was taken meanwhile: there may be room now
          }
          dropped.incrementAndGet();
          recordOverflow(EventDispatcher.PROBE.overflowStarts(), event, PublisherProbe.DROPPED);
          if (stale(current) + 1 - takenWaiting.get() >= capacity) {
            compact();
          }
          return true;
        case DROP_NEWEST:
          dropped.incrementAndGet();
          recordOverflow(EventDispatcher.PROBE.overflowStarts(), event, PublisherProbe.DROPPED);
          return false;
        case BLOCK:
          if (Thread.currentThread() == consumer) {
            counts.incrementAndGet(); // waiting for our own consumer would wait forever
            return true;
          }
          Object waited = EventDispatcher.PROBE.overflowStarts();
          boolean roomMade = awaitRoom();
          recordOverflow(waited, event, PublisherProbe.WAITED);
          if (roomMade) {
            continue;
          }
          refuse(event, " and the publishing thread was interrupted while waiting");
          return false;
        default:
          refuse(event, "");
          return false;
      }
    }
  }

  /**
   * Unlinks the oldest waiting events that {@link QueueOverflow#DROP_OLDEST} has dropped, so that
   * the queue stays bounded while its subscriber is stuck in a delivery: about twice the capacity
   * in the incoming stack at most, besides the events the consumer has already taken. Those are
   * older than any in the stack, so they are the first dropped; the consumer skips them itself,
   * and only dropped events beyond them are cut off here. Takes the incoming stack under the
   * compaction lock (the consumer takes it under that lock too, so that no newer event can
   * overtake the kept ones), cuts off its oldest events, and puts the rest back beneath whatever
   * was pushed meanwhile. A consumer that found the stack empty meanwhile may have stopped; the
   * event being added is pushed next, and its publisher then asks for a turn, which takes them all.
   */
  private void compact() {
    compaction.lock();
    try {
      int skippedByConsumer = takenWaiting.get(); // only falls while the lock is held
      QueuedEvent<L> newestFirst = incoming.getAndSet(null);
      int length = length(newestFirst);
      int removed = claimStale(length, skippedByConsumer);
      QueuedEvent<L> kept = null;
      if (length > removed) {
        kept = newestFirst;
        QueuedEvent<L> oldestKept = newestFirst;
        for (int i = 1; i < length - removed; i++) {
          oldestKept = oldestKept.next;
        }
        oldestKept.next = null;
      }
      putBack(kept);
    } finally {
      compaction.unlock();
    }
  }

  /**
   * Takes up to {@code most} from the count of dropped events still in the queue, leaving the
   * first {@code skippedByConsumer} to the consumer; how many.
   */
  private int claimStale(int most, int skippedByConsumer) {
    while (true) {
      long current = counts.get();
      int claimed = Math.min(stale(current) - skippedByConsumer, most);
      if (claimed <= 0) {
        return 0;
      }
      if (counts.compareAndSet(current, current - claimed * ONE_STALE)) {
        return claimed;
      }
    }
  }

  /** Puts {@code older} back at the bottom of the incoming stack, beneath events pushed since it was taken. */
  private void putBack(QueuedEvent<L> older) {
    QueuedEvent<L> chain = older;
    while (chain != null && !incoming.compareAndSet(null, chain)) {
      QueuedEvent<L> newer = incoming.getAndSet(null);
      if (newer != null) {
        QueuedEvent<L> oldestNewer = newer;
        while (oldestNewer.next != null) {
          oldestNewer = oldestNewer.next;
        }
        oldestNewer.next = chain;
        chain = newer;
      }
    }
  }

  private static int queued(long counts) {
    return (int) counts;
  }

  private static int stale(long counts) {
    return (int) (counts >>> 32);
  }

  private void refuse(QueuedEvent<L> event, String why) {
    dropped.incrementAndGet();
    recordOverflow(EventDispatcher.PROBE.overflowStarts(), event, PublisherProbe.REFUSED);
    dispatcher.report(subscriber, event.event(), event.arguments(), new EventQueueFullException(
        "the queue of " + capacity + " events of subscriber " + Describe.object(subscriber) + " is full" + why + "; event "
            + event.event() + " was not queued for it (QueueOverflow." + overflow
            + "; give the subscriber a larger queue, a faster executor, or another overflow policy)"));
  }

  /**
   * Tells the {@link PublisherProbe} what the overflow policy did with {@code event}, if
   * {@code started} (from {@link PublisherProbe#overflowStarts()}) says that it takes the report.
   */
  private void recordOverflow(Object started, QueuedEvent<L> event, String outcome) {
    if (started != null) {
      EventDispatcher.PROBE.overflow(started, dispatcher.name(), Describe.object(subscriber), event.event(),
          overflow.name(), outcome, capacity);
    }
  }

  /** Waits until the queue has room; whether it did ({@code false}: interrupted, status kept). */
  private boolean awaitRoom() {
    waiting.lock();
    try {
      waiters++;
      while (queued(counts.get()) >= capacity) {
        room.await();
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiters--;
      waiting.unlock();
    }
  }

  /** Wakes publishers waiting for room. */
  private void wakeWaiters() {
    if (waiters > 0) {
      waiting.lock();
      try {
        room.signalAll();
      } finally {
        waiting.unlock();
      }
    }
  }

  /** The oldest event not yet taken, skipping those dropped for newer ones; {@code null} if none. Consumer only. */
  QueuedEvent<L> take() {
    while (true) {
      if (taken == null) {
        taken = takeIncoming();
        if (taken == null) {
          return null;
        }
      }
      QueuedEvent<L> event = taken;
      taken = event.next;
      event.next = null;
      boolean deliver = countTaken();
      if (overflow == QueueOverflow.DROP_OLDEST) {
        takenWaiting.lazySet(takenWaiting.get() - 1);
      }
      if (deliver) {
        wakeWaiters();
        return event;
      }
    }
  }

  /** Counts one event taken: whether to deliver it ({@code false}: skip it, dropped for a newer one). */
  private boolean countTaken() {
    while (true) {
      long current = counts.get();
      boolean skip = stale(current) > 0;
      if (counts.compareAndSet(current, skip ? current - ONE_STALE : current - 1)) {
        return !skip;
      }
    }
  }

  /** Takes every incoming event, oldest first; {@code null} if none. */
  private QueuedEvent<L> takeIncoming() {
    if (overflow != QueueOverflow.DROP_OLDEST) {
      return reversed(incoming.getAndSet(null));
    }
    QueuedEvent<L> newestFirst;
    compaction.lock();
    try {
      newestFirst = incoming.getAndSet(null);
      takenWaiting.set(length(newestFirst));
    } finally {
      compaction.unlock();
    }
    return reversed(newestFirst);
  }

  /** How many events the queue holds in memory, dropped ones not yet unlinked included; for tests. */
  int retainedEvents() {
    return length(incoming.get());
  }

  private static int length(QueuedEvent<?> events) {
    int length = 0;
    for (QueuedEvent<?> event = events; event != null; event = event.next) {
      length++;
    }
    return length;
  }

  private static <L> QueuedEvent<L> reversed(QueuedEvent<L> newestFirst) {
    QueuedEvent<L> oldestFirst = null;
    QueuedEvent<L> event = newestFirst;
    while (event != null) {
      QueuedEvent<L> older = event.next;
      event.next = oldestFirst;
      oldestFirst = event;
      event = older;
    }
    return oldestFirst;
  }

  int pendingEvents() {
    return queued(counts.get());
  }

  long droppedEvents() {
    return dropped.get();
  }
}
