package io.github.posa4j.resilience;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The slots of one bulkhead, and the waiting queue of its asynchronous calls.
 *
 * <p>A slot is an increment of one counter, taken with a compare-and-set only while one is free.
 * Synchronous calls never wait: they take a slot or are rejected, without a lock. An asynchronous
 * call that finds a slot free and nobody waiting takes it the same way. Every other decision about
 * an asynchronous call (to queue it, to turn it away, to hand a slot to the oldest waiting call)
 * is made under the queue's lock, which also guards the count of waiting calls. So a call is
 * turned away only when, at one instant, every slot is taken and every place in the queue is
 * held, and the count never exceeds the places: nothing counts itself in to see whether there is
 * room and counts itself out again, which would turn away the calls that arrive meanwhile.
 */
final class BulkheadState implements BulkheadView {
  private final String method;
  private final int maxConcurrent;
  private final int maxWaiting;
  private final String fullMessage;
  private final String queueFullMessage;
  private final Executor queuedCalls;
  private final AtomicInteger inUse = new AtomicInteger();
  private final LongAdder rejections = new LongAdder();
  /** Asynchronous calls waiting for a slot, oldest first; its monitor guards it and {@link #waiting}. */
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  /** The size of {@link #queue}: written under its lock, read without it. */
  private volatile int waiting;

  /** A queued asynchronous call. */
  interface Waiter {
    /**
     * Takes the slot just acquired for it; false if it no longer wants it (it timed out, or its
     * caller cancelled it). Runs no application code: it is called under the queue's lock.
     */
    boolean claim();

    /** Runs the call in the slot it claimed. */
    void run();
  }

  BulkheadState(BulkheadPolicy policy, String method, Executor queuedCalls) {
    this.method = method;
    this.queuedCalls = queuedCalls;
    this.maxConcurrent = policy.value();
    this.maxWaiting = policy.waitingTaskQueue();
    this.fullMessage = BulkheadFullException.messageFor(method, maxConcurrent, 0);
    this.queueFullMessage = BulkheadFullException.messageFor(method, maxConcurrent, maxWaiting);
  }

  /** The message of a synchronous rejection, made once. */
  String fullMessage() {
    return fullMessage;
  }

  /** The message of an asynchronous rejection (slots and queue full), made once. */
  String queueFullMessage() {
    return queueFullMessage;
  }

  boolean tryAcquire() {
    AtomicInteger slots = inUse;
    int used;
    do {
      used = slots.get();
      if (used >= maxConcurrent) {
        return false;
      }
    } while (!slots.compareAndSet(used, used + 1));
    return true;
  }

  /** Frees a slot and hands free slots to waiting calls. */
  void release() {
    inUse.decrementAndGet();
    if (waiting != 0) {
      startWaiters();
    }
  }

  /**
   * Runs {@code waiter} now if a slot is free and no call waits, else queues it if there is room.
   *
   * @return false when both the slots and the queue are full
   */
  boolean acquireOrQueue(Waiter waiter) {
    if (waiting == 0 && tryAcquire()) {
      runInSlot(waiter);
      return true;
    }
    if (maxWaiting == 0) {
      return false; // the compare-and-set found every slot taken, and there is no queue
    }
    boolean runNow = false;
    Waiter oldest = null;
    synchronized (queue) {
      if (waiting == 0 && tryAcquire()) {
        runNow = true;
      } else {
        if (waiting == maxWaiting) {
          // A slot freed since its release looked for waiting calls goes to the oldest of them, and
          // its place to this call; without a free slot, the queue stays full.
          oldest = slotForOldest();
          if (waiting == maxWaiting) {
            return false;
          }
        }
        queue.addLast(waiter);
        waiting = waiting + 1;
      }
    }
    if (oldest != null) {
      startQueued(oldest);
    }
    if (runNow) {
      runInSlot(waiter);
    } else {
      startWaiters(); // a release that looked for waiting calls before this one was queued found none
    }
    return true;
  }

  /**
   * Called by a call that gave up (timed out) before it started: takes it out of the queue if it
   * is there. Safe to call more than once, and for a call that never was in the queue (its
   * deadline passed on its way in), which changes no count.
   */
  void leftQueue(Waiter waiter) {
    synchronized (queue) {
      if (queue.remove(waiter)) {
        waiting = waiting - 1;
      }
    }
  }

  private void runInSlot(Waiter waiter) {
    if (waiter.claim()) {
      waiter.run();
    } else {
      release();
    }
  }

  private void startWaiters() {
    Waiter next;
    while ((next = slotForOldest()) != null) {
      startQueued(next);
    }
  }

  /**
   * Takes a free slot for the oldest waiting call that still wants one, and takes that call out
   * of the queue; {@code null} when no slot is free or no call waits. Calls that no longer want a
   * slot leave the queue on the way.
   */
  private Waiter slotForOldest() {
    synchronized (queue) {
      if (waiting == 0 || !tryAcquire()) {
        return null;
      }
      while (true) {
        Waiter next = queue.pollFirst();
        if (next == null) {
          inUse.decrementAndGet(); // every call that waited had given up: nobody takes the slot
          return null;
        }
        waiting = waiting - 1;
        if (next.claim()) {
          return next;
        }
      }
    }
  }

  /**
   * A call that waited starts on the executor, never inline: inline, the thread that freed the
   * slot (often one completing another caller's future) would run it, and a chain of calls whose
   * stages complete at once would recurse.
   */
  private void startQueued(Waiter waiter) {
    try {
      queuedCalls.execute(waiter::run);
    } catch (RejectedExecutionException shutDown) {
      waiter.run();
    }
  }

  /** Counts a call turned away, synchronous or asynchronous. */
  void countRejection() {
    rejections.increment();
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public int maxConcurrent() {
    return maxConcurrent;
  }

  @Override
  public int inUse() {
    return inUse.get();
  }

  @Override
  public int maxWaiting() {
    return maxWaiting;
  }

  @Override
  public int waiting() {
    return waiting;
  }

  @Override
  public long rejectedCalls() {
    return rejections.sum();
  }
}
