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
 * call that finds a slot free and nobody waiting takes it the same way. The queue changes only
 * under its lock, and so do the slots handed to waiting calls; a call is queued, or turned away
 * because the queue is full, under that lock too, unless it can tell without it that, at one
 * instant, every slot was taken and every place held.
 *
 * <p>So a call is turned away only when every slot runs a call and every place in the queue holds
 * one (a call that has just given up may hold its place a moment longer, until it has left), and
 * the count of waiting calls never exceeds the places. Nothing counts itself in to see whether
 * there is room and counts itself out again, which would turn away the calls that arrive
 * meanwhile. Waiting calls get slots in the order they were queued.
 */
final class BulkheadState implements BulkheadView {
  /** In {@link #queueState}: one change of the queue. */
  private static final long ONE_CHANGE = 1L << 32;

  private final String method;
  private final int maxConcurrent;
  private final int maxWaiting;
  private final String fullMessage;
  private final String queueFullMessage;
  private final Executor queuedCalls;
  private final AtomicInteger inUse = new AtomicInteger();
  private final LongAdder rejections = new LongAdder();
  /** Asynchronous calls waiting for a slot, oldest first; its monitor guards it and {@link #queueState}. */
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  /**
   * The size of {@link #queue} in the low 32 bits, and in the high 32 bits how many times it
   * changed, so that two equal readings prove that it did not change between them. Written under
   * the queue's lock, read without it.
   */
  private volatile long queueState;

  /** A queued asynchronous call. */
  interface Waiter {
    /**
     * Takes the slot just acquired for it; false if it no longer wants it (it timed out, or its
     * caller cancelled it). Runs no application code: it may be called under the queue's lock.
     */
    boolean claim();

    /** Runs the call in the slot it claimed, on the thread that claimed it. */
    void run();

    /**
     * Runs the call in the slot it claimed, from the executor, some time after its claim: it may
     * give the slot back instead, if it no longer wants to run.
     */
    void runLater();
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
    if (waitingIn(queueState) != 0) {
      startWaiters();
    }
  }

  /**
   * Runs {@code waiter} now if a slot is free and no call waits, else queues it if there is room.
   *
   * @return false when both the slots and the queue are full
   */
  boolean acquireOrQueue(Waiter waiter) {
    if (waitingIn(queueState) == 0 && tryAcquire()) {
      runInSlot(waiter);
      return true;
    }
    if (seenFull()) {
      return false;
    }
    boolean runNow = false;
    Waiter oldest = null;
    synchronized (queue) {
      if (waitingIn(queueState) == 0 && tryAcquire()) {
        runNow = true;
      } else {
        if (waitingIn(queueState) == maxWaiting) {
          // A slot freed since its release looked for waiting calls goes to the oldest of them, and
          // its place to this call; without a free slot, the queue stays full.
          oldest = slotForOldest();
          if (waitingIn(queueState) == maxWaiting) {
            return false;
          }
        }
        queue.addLast(waiter);
        queueState += ONE_CHANGE + 1;
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
   * Whether every slot was taken while the queue was full: the queue did not change between two
   * readings, and the slots were all taken between them. Without the lock, so that a saturated
   * bulkhead turns calls away without making them queue for the lock.
   */
  private boolean seenFull() {
    long before = queueState;
    return waitingIn(before) == maxWaiting && inUse.get() >= maxConcurrent && queueState == before;
  }

  /**
   * Called by a call that gave up before it started (it timed out, or its caller cancelled it):
   * takes it out of the queue if it is there. Safe to call more than once, and for a call that
   * never was in the queue (it gave up on its way in), which changes no count.
   */
  void leftQueue(Waiter waiter) {
    synchronized (queue) {
      if (queue.remove(waiter)) {
        queueState += ONE_CHANGE - 1;
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
      if (waitingIn(queueState) == 0 || !tryAcquire()) {
        return null;
      }
      while (true) {
        Waiter next = queue.pollFirst();
        if (next == null) {
          inUse.decrementAndGet(); // every call that waited had given up: nobody takes the slot
          return null;
        }
        queueState += ONE_CHANGE - 1;
        if (next.claim()) {
          return next;
        }
      }
    }
  }

  private static int waitingIn(long queueState) {
    return (int) queueState;
  }

  /**
   * A call that waited starts on the executor, never inline: inline, the thread that freed the
   * slot (often one completing another caller's future) would run it, and a chain of calls whose
   * stages complete at once would recurse.
   */
  private void startQueued(Waiter waiter) {
    try {
      queuedCalls.execute(waiter::runLater);
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
    return waitingIn(queueState);
  }

  @Override
  public long rejectedCalls() {
    return rejections.sum();
  }
}
