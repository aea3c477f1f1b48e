package io.github.posa4j.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of one asynchronous subscriber and the serial delivery from it: events are
 * delivered one at a time, in the order they were queued, in turns of at most {@value
 * Delivery#TURN} events on the executor. No thread is held while the queue is empty.
 *
 * <p>Generated publishers call {@link #offer}; everything else is the publisher's business.
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

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<QueuedEvent<L>> events = new ArrayDeque<>();
  /** Whether a turn is submitted to the executor or running; guarded by {@code lock}. */
  private boolean scheduled;
  private long dropped;
  /** The thread delivering from this queue, or {@code null}; set and cleared by that thread. */
  private volatile Thread deliveringThread;

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
    boolean schedule = false;
    EventQueueFullException refused = null;
    lock.lock();
    try {
      if (events.size() >= capacity && !makeRoom()) {
        dropped++;
        if (overflow == QueueOverflow.DROP_NEWEST) {
          return;
        }
        refused = new EventQueueFullException("the queue of " + capacity + " events of subscriber " + subscriber
            + " is full" + (overflow == QueueOverflow.BLOCK ? " and the publishing thread was interrupted while waiting" : "")
            + "; event " + event.event() + " was not queued for it (QueueOverflow." + overflow
            + "; give the subscriber a larger queue, a faster executor, or another overflow policy)");
      } else {
        events.addLast(event);
        if (!scheduled) {
          scheduled = true;
          schedule = true;
        }
      }
    } finally {
      lock.unlock();
    }
    if (refused != null) {
      dispatcher.report(subscriber, event.event(), event.arguments(), refused);
    } else if (schedule) {
      schedule();
    }
  }

  /** Called holding the lock with the queue full: whether the new event may be added now. */
  private boolean makeRoom() {
    switch (overflow) {
      case DROP_OLDEST:
        events.pollFirst();
        dropped++;
        return true;
      case BLOCK:
        if (Thread.currentThread() == deliveringThread) {
          return true; // waiting for our own delivery thread would wait forever
        }
        try {
          while (events.size() >= capacity) {
            notFull.await();
          }
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      default:
        return false;
    }
  }

  private void schedule() {
    try {
      executor.execute(drain);
    } catch (RuntimeException refusedByExecutor) {
      giveUp(refusedByExecutor);
    }
  }

  /** The executor refused the first turn: every queued event goes to the error handler. */
  private void giveUp(RuntimeException refusedByExecutor) {
    List<QueuedEvent<L>> lost;
    lock.lock();
    try {
      lost = new ArrayList<>(events);
      events.clear();
      scheduled = false;
      notFull.signalAll();
      idle.signalAll();
    } finally {
      lock.unlock();
    }
    for (QueuedEvent<L> event : lost) {
      dispatcher.report(subscriber, event.event(), event.arguments(), refusedByExecutor);
    }
  }

  private void drain() {
    while (true) {
      deliveringThread = Thread.currentThread();
      if (deliverTurn()) {
        return;
      }
      deliveringThread = null;
      try {
        executor.execute(drain);
        return;
      } catch (RuntimeException refusedHandOver) {
        // The executor will not take the next turn (saturated or shutting down): keep it here.
      }
    }
  }

  /** Delivers up to one turn of events; whether the queue ran empty and is no longer scheduled. */
  private boolean deliverTurn() {
    for (int i = 0; i < Delivery.TURN; i++) {
      QueuedEvent<L> event;
      lock.lock();
      try {
        event = events.pollFirst();
        if (event == null) {
          deliveringThread = null; // before scheduled is cleared, so that a next turn's thread is not overwritten
          scheduled = false;
          idle.signalAll();
          return true;
        }
        notFull.signal();
      } finally {
        lock.unlock();
      }
      deliver(event);
    }
    return false;
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

  /**
   * Waits until the queue is empty and no turn is running. Whether it finished waiting
   * ({@code false}: interrupted, and the interrupt status is cleared).
   */
  boolean awaitIdle() {
    lock.lock();
    try {
      while (scheduled) {
        idle.await();
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  int pendingEvents() {
    lock.lock();
    try {
      return events.size();
    } finally {
      lock.unlock();
    }
  }

  long droppedEvents() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }
}
