package io.github.posa4j.resilience;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The slots of one bulkhead, and the waiting queue of its asynchronous calls. A slot is an
 * increment of one counter; synchronous calls never wait for one.
 */
final class BulkheadState implements BulkheadView {
  private final String method;
  private final int maxConcurrent;
  private final int maxWaiting;
  private final String fullMessage;
  private final String queueFullMessage;
  private final Executor queuedCalls;
  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private final LongAdder rejections = new LongAdder();
  private final ConcurrentLinkedQueue<Waiter> queue = new ConcurrentLinkedQueue<>();

  /** A queued asynchronous call. */
  interface Waiter {
    /** Takes the slot just acquired for it; false if it no longer wants it (it timed out). */
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
    if (!queue.isEmpty()) {
      startWaiters();
    }
  }

  /**
   * Runs {@code waiter} now if a slot is free, else queues it if there is room.
   *
   * @return false when both the slots and the queue are full
   */
  boolean acquireOrQueue(Waiter waiter) {
    if (queue.isEmpty() && tryAcquire()) {
      if (waiter.claim()) {
        waiter.run();
      } else {
        release();
      }
      return true;
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      return false;
    }
    queue.add(waiter);
    startWaiters();
    return true;
  }

  /**
   * Called by a call that gave up (timed out) before it started: takes it out of the queue if it
   * is there. Safe to call more than once, and for a call that never was in the queue (its
   * deadline passed on its way in), which changes no count.
   */
  void leftQueue(Waiter waiter) {
    if (queue.remove(waiter)) {
      waiting.decrementAndGet();
    }
  }

  private void startWaiters() {
    while (!queue.isEmpty() && tryAcquire()) {
      Waiter next = queue.poll();
      if (next == null) {
        release();
        return;
      }
      waiting.decrementAndGet();
      if (next.claim()) {
        startQueued(next);
      } else {
        inUse.decrementAndGet(); // it timed out while queued: the slot goes to the next one
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
    return waiting.get();
  }

  @Override
  public long rejectedCalls() {
    return rejections.sum();
  }
}
