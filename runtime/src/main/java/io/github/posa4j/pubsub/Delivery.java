package io.github.posa4j.pubsub;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a publisher hands events to one subscriber: {@linkplain #sync() synchronously}, on the
 * publishing thread, or {@linkplain #async() asynchronously}, through a bounded queue of its own
 * that an executor drains.
 *
 * <pre>{@code
 * orders.subscribe(audit);                                            // sync()
 * orders.subscribe(mailer, Delivery.async(mailPool, 10_000, QueueOverflow.DROP_OLDEST));
 * }</pre>
 *
 * <p>An asynchronous subscriber receives its events one at a time, in the order they were
 * published (by any one publishing thread; events published concurrently by several threads are
 * queued in the order they arrive). It holds no thread while its queue is empty, so many of them
 * can share a small executor; after {@value #TURN} events in a row it hands its turn back to the
 * executor so that it does not starve the others.
 */
public final class Delivery {
  /** The default queue capacity of an asynchronous subscriber: 1,024 events. */
  public static final int DEFAULT_CAPACITY = 1_024;

  /** How many events an asynchronous subscriber receives in a row before handing back its thread. */
  public static final int TURN = 256;

  private static final Delivery SYNC = new Delivery(false, null, 0, null);
  private static final Delivery ASYNC = new Delivery(true, null, DEFAULT_CAPACITY, QueueOverflow.BLOCK);

  private final boolean async;
  private final Executor executor;
  private final int capacity;
  private final QueueOverflow overflow;

  private Delivery(boolean async, Executor executor, int capacity, QueueOverflow overflow) {
    this.async = async;
    this.executor = executor;
    this.capacity = capacity;
    this.overflow = overflow;
  }

  /**
   * Delivery on the publishing thread, before the publishing call returns, in subscription order.
   * What {@code subscribe(subscriber)} uses.
   */
  public static Delivery sync() {
    return SYNC;
  }

  /**
   * Queued delivery on the publisher's {@linkplain PublisherOptions.Builder#executor default
   * executor}, with a queue of {@value #DEFAULT_CAPACITY} events and {@link QueueOverflow#BLOCK}.
   */
  public static Delivery async() {
    return ASYNC;
  }

  /** Queued delivery on {@code executor}, with a queue of {@value #DEFAULT_CAPACITY} events and {@link QueueOverflow#BLOCK}. */
  public static Delivery async(Executor executor) {
    return async(executor, DEFAULT_CAPACITY, QueueOverflow.BLOCK);
  }

  /** Queued delivery on the publisher's default executor, with the given queue. */
  public static Delivery async(int capacity, QueueOverflow overflow) {
    return new Delivery(true, null, checkCapacity(capacity), Objects.requireNonNull(overflow, "overflow"));
  }

  /**
   * Queued delivery on {@code executor}, with a queue of {@code capacity} events and
   * {@code overflow} deciding what happens to an event that finds it full.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public static Delivery async(Executor executor, int capacity, QueueOverflow overflow) {
    return new Delivery(true, Objects.requireNonNull(executor, "executor"), checkCapacity(capacity),
        Objects.requireNonNull(overflow, "overflow"));
  }

  private static int checkCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity is " + capacity
          + "; an asynchronous subscriber's queue must hold at least 1 event");
    }
    return capacity;
  }

  /** Whether events go through a queue. */
  public boolean isAsync() {
    return async;
  }

  /** The queue capacity; 0 for synchronous delivery. */
  public int capacity() {
    return capacity;
  }

  /** What happens to an event that finds the queue full; {@code null} for synchronous delivery. */
  public QueueOverflow overflow() {
    return overflow;
  }

  /** The executor, or {@code null} for synchronous delivery and for the publisher's default. */
  public Executor executor() {
    return executor;
  }

  @Override
  public String toString() {
    if (!async) {
      return "Delivery.sync()";
    }
    return "Delivery.async(" + (executor == null ? "default executor" : executor) + ", " + capacity + ", " + overflow + ")";
  }
}
