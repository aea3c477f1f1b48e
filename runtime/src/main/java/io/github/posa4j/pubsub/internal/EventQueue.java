package io.github.posa4j.pubsub.internal;

import io.github.posa4j.internal.SerialTurns;
import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.QueueOverflow;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of one asynchronous subscriber and the serial delivery from it: events are delivered
 * one at a time, in the order they were queued, in turns of at most {@value Delivery#TURN} events
 * on the executor. No thread is held while the queue is empty. It joins an {@link EventBuffer},
 * the bounded queue with its overflow policy, to {@link SerialTurns}, which runs the deliveries.
 *
 * <p>Generated publishers call {@link #offer}; everything else is the publisher's business.
 *
 * <p>Once the subscription is closed, every turn that starts tells the publisher, whose
 * {@code close()} then waits for it (events may still come from a dispatch that read the target
 * before the close), and so does the turn that leaves the queue empty.
 *
 * @param <L> the {@code @Publisher} interface
 */
public final class EventQueue<L> {
  private final EventDispatcher<L> dispatcher;
  private final Object subscriber;
  private final L target;
  private final EventBuffer<L> buffer;
  private final Deliveries deliveries;
  /** Set once the subscription is closed. */
  private volatile boolean detached;

  private final ReentrantLock waiting = new ReentrantLock();
  private final Condition idle = waiting.newCondition();
  private volatile int waiters;

  EventQueue(EventDispatcher<L> dispatcher, Object subscriber, L target, Executor executor, int capacity,
      QueueOverflow overflow) {
    this.dispatcher = dispatcher;
    this.subscriber = subscriber;
    this.target = target;
    this.buffer = new EventBuffer<>(dispatcher, subscriber, capacity, overflow);
    this.deliveries = new Deliveries(executor);
  }

  /** Queues {@code event} for the subscriber, or applies the overflow policy when the queue is full. */
  public void offer(QueuedEvent<L> event) {
    if (buffer.add(event)) {
      SerialTurns.request(deliveries);
    }
  }

  /** Delivers the queued events in turns, as {@link SerialTurns} runs them; also the task that starts them. */
  private final class Deliveries implements SerialTurns.Work, Runnable {
    private final Executor executor;
    /** Whether a turn is submitted or running. */
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Deliveries(Executor executor) {
      this.executor = executor;
    }

    @Override
    public void run() {
      SerialTurns.runTurns(this);
    }

    @Override
    public Executor executor() {
      return executor;
    }

    @Override
    public Runnable turnTask() {
      return this;
    }

    @Override
    public boolean turnScheduled() {
      return scheduled.get();
    }

    @Override
    public boolean scheduleTurn() {
      return scheduled.compareAndSet(false, true);
    }

    @Override
    public void unscheduleTurn() {
      scheduled.set(false);
    }

    @Override
    public SerialTurns.Outcome runTurn() {
      buffer.consumer(Thread.currentThread());
      try {
        for (int delivered = 0; delivered < Delivery.TURN; delivered++) {
          QueuedEvent<L> event = buffer.take();
          if (event == null) {
            return SerialTurns.Outcome.IDLE;
          }
          deliver(event);
        }
        return SerialTurns.Outcome.MORE;
      } finally {
        buffer.consumer(null); // before the turns let go, so that a next turn's thread is not overwritten
      }
    }

    @Override
    public boolean hasWork() {
      return buffer.hasIncoming();
    }

    /**
     * Nothing will deliver these events: each goes to the error handler. This thread consumes
     * meanwhile, so that a handler that publishes or closes does not wait for itself.
     */
    @Override
    public void refused(Throwable failure) {
      buffer.consumer(Thread.currentThread());
      try {
        for (QueuedEvent<L> event = buffer.take(); event != null; event = buffer.take()) {
          dispatcher.report(subscriber, event.event(), event.arguments(), failure);
        }
      } finally {
        buffer.consumer(null);
      }
    }

    @Override
    public void claimed() {
      if (detached) {
        dispatcher.drainingAfterClose(EventQueue.this);
      }
    }

    @Override
    public void released() {
      wakeIdleWaiters();
      if (detached) {
        dispatcher.drainedAfterClose(EventQueue.this);
      }
    }
  }

  private void deliver(QueuedEvent<L> event) {
    try {
      event.deliverTo(target);
    } catch (Throwable error) {
      dispatcher.report(subscriber, event.event(), event.arguments(), error);
    }
  }

  private void wakeIdleWaiters() {
    if (waiters > 0) {
      waiting.lock();
      try {
        idle.signalAll();
      } finally {
        waiting.unlock();
      }
    }
  }

  boolean isDeliveringOn(Thread thread) {
    return buffer.consumesOn(thread);
  }

  /** Marks the queue's subscription closed; its queued events are still delivered. */
  void detach() {
    detached = true;
  }

  /** Whether no turn is submitted or running: the queue is empty and nothing is being delivered. */
  boolean isIdle() {
    return !deliveries.turnScheduled();
  }

  /**
   * Waits until the queue is empty and no turn is running. Whether it finished waiting
   * ({@code false}: interrupted, and the interrupt status is cleared).
   */
  boolean awaitIdle() {
    waiting.lock();
    try {
      waiters++;
      while (deliveries.turnScheduled()) {
        idle.await();
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    } finally {
      waiters--;
      waiting.unlock();
    }
  }

  /** How many events the queue holds in memory, dropped ones not yet unlinked included; for tests. */
  public int retainedEvents() {
    return buffer.retainedEvents();
  }

  int pendingEvents() {
    return buffer.pendingEvents();
  }

  long droppedEvents() {
    return buffer.droppedEvents();
  }
}
