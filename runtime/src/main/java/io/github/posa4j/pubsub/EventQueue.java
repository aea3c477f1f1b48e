package io.github.posa4j.pubsub;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of one asynchronous subscriber and the serial delivery from it: events are
 * delivered one at a time, in the order they were queued, in turns of at most {@value
 * Delivery#TURN} events on the executor. No thread is held while the queue is empty.
 *
 * <p>Generated publishers call {@link #offer}; everything else is the publisher's business.
 *
 * <p>Publishing takes no lock: an event is counted against the capacity with one CAS and pushed
 * onto a lock-free stack with another; the one delivering thread takes the whole stack at once
 * and reverses it into publication order. Locks are taken only to wait (by a publisher for room
 * under {@link QueueOverflow#BLOCK}, by {@code close()} for the queue to run empty), to unlink
 * events {@link QueueOverflow#DROP_OLDEST} has dropped, and, once the subscription is closed, to
 * tell the publisher when a turn starts or ends.
 *
 * @param <L> the {@code @Publisher} interface
 */
public final class EventQueue<L> {
  private final EventDispatcher<L> dispatcher;
  private final Object subscriber;
  private final L target;
  private final Executor executor;
  private final int capacity;
  private final QueueOverflow overflow;
  private final Runnable drain = this::drain;
  private static final long ONE_STALE = 1L << 32;

  /** Events published and not yet taken for delivery, newest first. */
  private final AtomicReference<QueuedEvent<L>> incoming = new AtomicReference<>();
  /**
   * Two counts in one word, so that each change is one CAS: in the low 32 bits the events queued
   * and not yet taken for delivery ({@link #pendingEvents()}); in the high 32 bits how many of the
   * oldest waiting events {@link QueueOverflow#DROP_OLDEST} has dropped, which the delivering
   * thread skips. Every queued event adds one to exactly one of them; every event taken removes one.
   */
  private final AtomicLong counts = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  /** Whether a turn is submitted to the executor or running; whoever sets it delivers. */
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** The thread delivering from this queue, or {@code null}; set and cleared by that thread. */
  private volatile Thread deliveringThread;

  /** Events taken from {@link #incoming}, oldest first; only the delivering thread touches it. */
  private QueuedEvent<L> taken;
  /**
   * How many events in {@link #taken} are not yet counted as taken: the oldest waiting events,
   * which {@link #compact()} must leave to the delivering thread to skip. Kept by
   * {@link QueueOverflow#DROP_OLDEST} queues only; set under the compaction lock, lowered after
   * each count, so that compaction never sees it lower than it is.
   */
  private final AtomicInteger takenWaiting = new AtomicInteger();
  /** Set once the subscription is closed: see {@link #claimTurn()}. */
  private volatile boolean detached;

  /** Taken by {@link QueueOverflow#DROP_OLDEST} queues only: see {@link #compact()}. */
  private final ReentrantLock compaction = new ReentrantLock();
  private final ReentrantLock waiting = new ReentrantLock();
  private final Condition roomOrIdle = waiting.newCondition();
  private volatile int waiters;

  EventQueue(EventDispatcher<L> dispatcher, Object subscriber, L target, Executor executor, int capacity,
      QueueOverflow overflow) {
    this.dispatcher = dispatcher;
    this.subscriber = subscriber;
    this.target = target;
    this.executor = executor;
    this.capacity = capacity;
    this.overflow = overflow;
  }

  /** Queues {@code event} for the subscriber, or applies the overflow policy when the queue is full. */
  public void offer(QueuedEvent<L> event) {
    if (!reserveRoom(event)) {
      return;
    }
    QueuedEvent<L> head;
    do {
      head = incoming.get();
      event.next = head;
    } while (!incoming.compareAndSet(head, event));
    if (claimTurn()) {
      startTurn();
    }
  }

  /**
   * Sets {@link #scheduled} unless it is set; whether this thread did, and so delivers. Once the
   * subscription is closed, every turn that starts tells the dispatcher, whose {@code close()} then
   * waits for it: events may still come from a dispatch that read the target before the close.
   * {@link #stayScheduled()} tells it when the queue has run empty.
   */
  private boolean claimTurn() {
    if (scheduled.get() || !scheduled.compareAndSet(false, true)) {
      return false;
    }
    if (detached) {
      dispatcher.drainingAfterClose(this);
    }
    return true;
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
          if (Thread.currentThread() == deliveringThread) {
            counts.incrementAndGet(); // waiting for our own delivery thread would wait forever
            return true;
          }
          Object waiting = EventDispatcher.PROBE.overflowStarts();
          boolean room = awaitRoom();
          recordOverflow(waiting, event, PublisherProbe.WAITED);
          if (room) {
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
   * in the incoming stack at most, besides the events the delivering thread has already taken
   * into its turn. Those are older than any in the stack, so they are the first dropped; the
   * delivering thread skips them itself, and only dropped events beyond them are cut off here.
   * Takes the incoming stack under the compaction lock (the delivering thread takes it under that
   * lock too, so that no newer event can overtake the kept ones), cuts off its oldest events, and
   * puts the rest back beneath whatever was pushed meanwhile.
   */
  private void compact() {
    compaction.lock();
    try {
      int skippedByDelivery = takenWaiting.get(); // only falls while the lock is held
      QueuedEvent<L> newestFirst = incoming.getAndSet(null);
      int length = length(newestFirst);
      int removed = claimStale(length, skippedByDelivery);
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
    if (claimTurn()) {
      startTurn(); // the delivering thread may have found the stack empty meanwhile and ended its turn
    }
  }

  /**
   * Takes up to {@code most} from the count of dropped events still in the queue, leaving the
   * first {@code skippedByDelivery} to the delivering thread; how many.
   */
  private int claimStale(int most, int skippedByDelivery) {
    while (true) {
      long current = counts.get();
      int claimed = Math.min(stale(current) - skippedByDelivery, most);
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
        "the queue of " + capacity + " events of subscriber " + DeliveryFailure.describe(subscriber) + " is full" + why + "; event "
            + event.event() + " was not queued for it (QueueOverflow." + overflow
            + "; give the subscriber a larger queue, a faster executor, or another overflow policy)"));
  }

  /**
   * Tells Flight Recorder what the overflow policy did with {@code event}, if {@code started}
   * (from {@link PublisherProbe#overflowStarts()}) says that a recording takes it.
   */
  private void recordOverflow(Object started, QueuedEvent<L> event, String outcome) {
    if (started != null) {
      EventDispatcher.PROBE.overflow(started, dispatcher.name(), DeliveryFailure.describe(subscriber), event.event(),
          overflow.name(), outcome, capacity);
    }
  }

  /** Waits until the queue has room; whether it did ({@code false}: interrupted, status kept). */
  private boolean awaitRoom() {
    waiting.lock();
    try {
      waiters++;
      while (queued(counts.get()) >= capacity) {
        roomOrIdle.await();
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

  /** Wakes publishers waiting for room and closers waiting for the queue to run empty. */
  private void wakeWaiters() {
    if (waiters > 0) {
      waiting.lock();
      try {
        roomOrIdle.signalAll();
      } finally {
        waiting.unlock();
      }
    }
  }

  /** Called by whoever set {@link #scheduled}: hands the first turn to the executor. */
  private void startTurn() {
    while (true) {
      try {
        executor.execute(drain);
        return;
      } catch (Throwable refusedByExecutor) { // RejectedExecutionException, or an Error such as no more threads
        // Nothing will deliver these events: each goes to the error handler. This thread holds the
        // turn meanwhile, so that a handler that publishes or closes does not wait for itself.
        deliveringThread = Thread.currentThread();
        for (QueuedEvent<L> event = take(); event != null; event = take()) {
          dispatcher.report(subscriber, event.event(), event.arguments(), refusedByExecutor);
        }
        deliveringThread = null;
        if (!stayScheduled()) {
          return;
        }
      }
    }
  }

  private void drain() {
    while (true) {
      deliveringThread = Thread.currentThread();
      if (deliverTurn()) {
        return;
      }
      deliveringThread = null;
      if (handOver()) {
        return;
      }
    }
  }

  /**
   * Hands the next turn to the executor; whether another thread has it. {@code false} when the
   * executor refused (saturated, shutting down, out of threads) or ran it in this very thread
   * (a direct or caller-runs executor): the caller keeps the turn in its loop instead of recursing
   * once per turn.
   */
  private boolean handOver() {
    NextTurn next = new NextTurn(Thread.currentThread());
    try {
      executor.execute(next);
    } catch (Throwable refusedHandOver) {
      return false;
    }
    next.executeReturned = true;
    return !next.ranInCaller;
  }

  /** A turn handed to the executor that notices when the executor runs it in the handing thread. */
  private final class NextTurn implements Runnable {
    private final Thread from;
    /** Both written and read by {@link #from} only. */
    private boolean executeReturned;
    private boolean ranInCaller;

    NextTurn(Thread from) {
      this.from = from;
    }

    @Override
    public void run() {
      if (Thread.currentThread() == from && !executeReturned) {
        ranInCaller = true;
        return;
      }
      drain();
    }
  }

  /** Delivers up to one turn of events; whether the queue ran empty and is no longer scheduled. */
  private boolean deliverTurn() {
    for (int delivered = 0; delivered < Delivery.TURN; delivered++) {
      QueuedEvent<L> event = take();
      if (event == null) {
        deliveringThread = null; // before scheduled is cleared, so that a next turn's thread is not overwritten
        if (!stayScheduled()) {
          return true;
        }
        deliveringThread = Thread.currentThread();
        continue;
      }
      deliver(event);
    }
    return false;
  }

  /**
   * Called with the queue found empty by the scheduled thread: clears {@link #scheduled}, unless an
   * event arrived meanwhile (its publisher saw the flag set and left it to us); whether it is still
   * this thread's to deliver.
   */
  private boolean stayScheduled() {
    scheduled.set(false);
    if (incoming.get() != null && claimTurn()) {
      return true;
    }
    wakeWaiters();
    if (detached) {
      dispatcher.drainedAfterClose(this);
    }
    return false;
  }

  /** The oldest event not yet delivered, skipping those dropped for newer ones; {@code null} if none. */
  private QueuedEvent<L> take() {
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

  private void deliver(QueuedEvent<L> event) {
    try {
      event.deliverTo(target);
    } catch (Throwable error) {
      dispatcher.report(subscriber, event.event(), event.arguments(), error);
    }
  }

  boolean isDeliveringOn(Thread thread) {
    return deliveringThread == thread;
  }

  /** Marks the queue's subscription closed; its queued events are still delivered. */
  void detach() {
    detached = true;
  }

  /** Whether no turn is submitted or running: the queue is empty and nothing is being delivered. */
  boolean isIdle() {
    return !scheduled.get();
  }

  /**
   * Waits until the queue is empty and no turn is running. Whether it finished waiting
   * ({@code false}: interrupted, and the interrupt status is cleared).
   */
  boolean awaitIdle() {
    waiting.lock();
    try {
      waiters++;
      while (scheduled.get()) {
        roomOrIdle.await();
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    } finally {
      waiters--;
      waiting.unlock();
    }
  }

  int pendingEvents() {
    return queued(counts.get());
  }

  long droppedEvents() {
    return dropped.get();
  }
}
