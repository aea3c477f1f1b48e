package io.github.posa4j.active;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler of one active object (POSA2): it accepts {@link MethodRequest}s from any thread,
 * queues them, and runs them on the servant one at a time, in order, each happening-before the
 * next. Generated {@code <Name>ActiveObject} classes hold one and forward to it; it can also be
 * used by hand with {@code MethodRequest} subclasses.
 *
 * <p>Guarded requests whose guard is false wait without holding up the requests behind them.
 * Among the requests that may run, the oldest runs first. The queue's capacity counts waiting
 * requests too, with one exception: when the queue is full and every request in it waits for a
 * guard, only a new request can release them, so new requests are admitted beyond the capacity
 * until one of them has run (otherwise producers and consumers of a full bounded buffer would
 * wait for each other forever).
 *
 * <p>Lifecycle: {@link #close()} stops accepting, runs what is queued and returns;
 * {@link #shutdownNow()} cancels what is queued. A request is never lost: it runs, or its future
 * completes exceptionally saying why it did not.
 *
 * @param <S> the servant type
 */
public abstract class ActiveObjectScheduler<S> {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final VarHandle CONTROL;

  static {
    try {
      CONTROL = MethodHandles.lookup().findVarHandle(ActiveObjectScheduler.class, "control", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The low bits of {@link #control}: requests queued (reserved, pushed or waiting), not running. */
  private static final int COUNT = ActiveObjectOptions.MAX_CAPACITY;
  /** No new requests are accepted. */
  private static final int CLOSED = 1 << 29;
  /** Queued requests are cancelled rather than run. */
  private static final int STOPPED = 1 << 30;
  static final int LIFECYCLE = CLOSED | STOPPED;

  private static final int ACCEPTED = 0;
  private static final int REFUSED_CLOSED = 1;
  private static final int REFUSED_FULL = 2;
  /** Refused, and the request's future already failed with the reason. */
  private static final int REFUSED_FAILED = 3;

  /** What one turn of the consumer ended with. */
  enum Drain {
    /** It ran as many requests as it was allowed to; more may be queued. */
    MORE,
    /** Nothing may run until a request arrives or the lifecycle changes. */
    IDLE,
    /** Closed and empty: the active object has finished. */
    TERMINATED
  }

  final S servant;
  private final String name;
  private final int capacity;
  private final int lowWater;
  private final OverflowPolicy overflowPolicy;
  /** The queue; also the monitor that blocked callers and {@code close()} wait on. */
  final ActivationQueue<S> queue = new ActivationQueue<>();

  /** The request count and the lifecycle bits, changed together so that no request slips past a close. */
  @SuppressWarnings("unused") // through CONTROL
  private volatile int control;
  private volatile int blockedCallers;
  /**
   * Every queued request waits for a guard and the queue is full: only a new request can release
   * them, so new requests are admitted beyond the capacity until one of them has run.
   */
  private volatile boolean stuckOnGuards;
  private volatile boolean terminated;
  /** Why this active object cannot run requests any more, if so; queued requests then fail with it. */
  private volatile Throwable breakdown;

  ActiveObjectScheduler(S servant, String name, ActiveObjectOptions options) {
    this.servant = servant;
    this.name = name;
    this.capacity = options.capacity();
    this.lowWater = capacity - Math.max(1, capacity / 8);
    this.overflowPolicy = options.overflowPolicy();
  }

  /**
   * Starts the scheduler of {@code servant}: on a new dedicated thread, or ready to run on the
   * shared executor of {@code options}.
   *
   * @param servant the object whose methods the requests call; not to be used directly afterwards
   * @param options queue, overflow, name and threading
   * @param typeName names the active object ({@code typeName-1}, {@code typeName-2}, ...) when
   *     {@code options} gives no name
   */
  public static <S> ActiveObjectScheduler<S> start(S servant, ActiveObjectOptions options, String typeName) {
    Objects.requireNonNull(servant, "servant");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(typeName, "typeName");
    String name = options.name().orElseGet(() -> typeName + "-" + SEQUENCE.incrementAndGet());
    if (options.executor() != null) {
      return new ExecutorScheduler<>(servant, name, options, options.executor());
    }
    return ThreadScheduler.start(servant, name, options, options.threadFactory(name));
  }

  /**
   * Queues {@code request} and returns it as the caller's future. When the active object is
   * closed, or its queue is full under {@link OverflowPolicy#FAIL}, the future is already failed
   * with a {@link RejectedExecutionException} (a {@link QueueFullException} for a full queue).
   * Under {@link OverflowPolicy#BLOCK} a full queue makes the caller wait.
   */
  public final <R> CompletableFuture<R> submit(MethodRequest<S, R> request) {
    int outcome = reserve();
    if (outcome == REFUSED_FULL) {
      outcome = overflowPolicy == OverflowPolicy.BLOCK && !isConsumerThread()
          ? awaitRoom(request)
          : refuseFull(request);
    }
    if (outcome == ACCEPTED) {
      queue.push(request);
      signal();
    } else if (outcome == REFUSED_CLOSED) {
      request.completeExceptionally(new RejectedExecutionException("active object " + name + " is closed: "
          + request.getClass().getSimpleName() + " was not accepted; submit before close() or start a new one"));
    }
    return request;
  }

  /** The requests queued, waiting ones included, not counting the one running. */
  public final int pendingRequests() {
    return control() & COUNT;
  }

  /** The name of this active object, as its thread and messages show it. */
  public final String name() {
    return name;
  }

  /** Whether {@link #close()} or {@link #shutdownNow()} was called. */
  public final boolean isClosed() {
    return (control() & CLOSED) != 0;
  }

  /** Whether the active object has finished: closed, with no request left to run. */
  public final boolean isTerminated() {
    return terminated;
  }

  /**
   * Stops accepting requests, runs those queued and returns when the last has finished. Requests
   * whose guard is still false when nothing else can run are cancelled then, since nothing could
   * ever make their guard true. Called from a servant method, it returns at once and the active
   * object finishes after that method. If the waiting thread is interrupted, the queued requests
   * are cancelled as by {@link #shutdownNow()}, and the interrupt status is kept.
   */
  public final void close() {
    CONTROL.getAndBitwiseOr(this, CLOSED);
    wakeBlockedCallers();
    signal();
    if (!isConsumerThread()) {
      awaitTermination();
    }
  }

  /**
   * Stops accepting requests and cancels those queued: their futures complete with a
   * {@link CancellationException}. The running request, if any, finishes; this method waits for
   * it unless called from a servant method.
   *
   * @return how many queued requests were cancelled; 0 when called again
   */
  public final int shutdownNow() {
    int before = (int) CONTROL.getAndBitwiseOr(this, LIFECYCLE);
    if ((before & STOPPED) != 0) {
      return 0;
    }
    wakeBlockedCallers();
    if (isConsumerThread()) {
      abandonQueued();
    } else {
      signal();
      awaitTermination();
    }
    return before & COUNT;
  }

  @Override
  public String toString() {
    int control = control();
    String state = terminated ? "terminated" : (control & CLOSED) != 0 ? "closing" : "running";
    return name + " (" + state + ", " + (control & COUNT) + " pending)";
  }

  /** Makes sure the consumer will look at the queue: wakes its thread, or schedules it. */
  abstract void signal();

  /** Whether the current thread is running this active object's requests. */
  abstract boolean isConsumerThread();

  /**
   * One turn of the consumer: runs up to {@code budget} requests, or cancels them all once
   * stopped. Only one thread at a time calls this, and each turn happens-before the next.
   */
  final Drain drain(int budget) {
    int executed = 0;
    for (;;) {
      if ((control() & STOPPED) != 0) {
        abandonQueued();
        return finishIfEmpty();
      }
      MethodRequest<S, ?> request = queue.next(servant);
      if (request == null) {
        return idle();
      }
      if (request.isDone()) {
        leave();
      } else if (take()) {
        if (stuckOnGuards) {
          stuckOnGuards = false;
        }
        execute(request);
        queue.servantChanged();
        if (++executed == budget) {
          return Drain.MORE;
        }
      } else {
        abandon(request);
      }
    }
  }

  /** Lifecycle bits as they are now, for a consumer deciding whether to sleep. */
  final int lifecycle() {
    return control() & LIFECYCLE;
  }

  /**
   * Requests can no longer run (the executor refused the drain task, or the JVM failed the
   * consumer): fail what is queued with {@code failure} as the cause, and stop. Consumer only.
   */
  final void breakDown(Throwable failure) {
    breakdown = failure;
    CONTROL.getAndBitwiseOr(this, LIFECYCLE);
    wakeBlockedCallers();
    abandonQueued();
    finishIfEmpty();
  }

  private void execute(MethodRequest<S, ?> request) {
    try {
      request.execute(servant);
    } catch (Throwable failure) {
      request.completeExceptionally(failure);
    }
  }

  private Drain idle() {
    int control = control();
    if ((control & CLOSED) != 0 && (control & COUNT) == queue.waitingCount()) {
      queue.removeAll(request -> {
        request.completeExceptionally(new CancellationException("active object " + name + " was closed while "
            + request.getClass().getSimpleName() + " waited for its guard, which nothing could make true any more"));
        leave();
      });
      return finishIfEmpty();
    }
    int count = control & COUNT;
    if (count >= capacity && count == queue.waitingCount()) {
      stuckOnGuards = true;
      wakeBlockedCallers();
    } else if (blockedCallers != 0 && count < capacity) {
      wakeBlockedCallers();
    }
    return Drain.IDLE;
  }

  private void abandonQueued() {
    queue.removeAll(this::abandon);
  }

  /** Completes a queued request that will not run, and counts it out. */
  private void abandon(MethodRequest<S, ?> request) {
    Throwable failure = breakdown;
    request.completeExceptionally(failure != null
        ? new RejectedExecutionException("active object " + name + " stopped before "
            + request.getClass().getSimpleName() + " ran: " + failure, failure)
        : new CancellationException("active object " + name + " was shut down before "
            + request.getClass().getSimpleName() + " ran"));
    leave();
  }

  /** Terminates when no request is left; one reserved but not yet pushed will signal again. */
  private Drain finishIfEmpty() {
    if ((control() & COUNT) != 0) {
      return Drain.IDLE;
    }
    synchronized (queue) {
      terminated = true;
      queue.notifyAll();
    }
    return Drain.TERMINATED;
  }

  private int reserve() {
    for (;;) {
      int control = control();
      if ((control & CLOSED) != 0) {
        return REFUSED_CLOSED;
      }
      int count = control & COUNT;
      if (count >= capacity && (!stuckOnGuards || count == COUNT)) {
        return REFUSED_FULL;
      }
      if (CONTROL.weakCompareAndSet(this, control, control + 1)) {
        return ACCEPTED;
      }
    }
  }

  /** Counts out the request about to run, unless the active object was stopped. */
  private boolean take() {
    for (;;) {
      int control = control();
      if ((control & STOPPED) != 0) {
        return false;
      }
      if (CONTROL.weakCompareAndSet(this, control, control - 1)) {
        afterLeaving(control - 1);
        return true;
      }
    }
  }

  private void leave() {
    afterLeaving((int) CONTROL.getAndAdd(this, -1) - 1);
  }

  /** Waking blocked callers one by one would cost a notification per request; wake them in batches. */
  private void afterLeaving(int control) {
    if (blockedCallers != 0 && (control & COUNT) <= lowWater) {
      wakeBlockedCallers();
    }
  }

  private int refuseFull(MethodRequest<S, ?> request) {
    request.completeExceptionally(new QueueFullException("active object " + name + " has " + capacity
        + " requests queued, its capacity: " + request.getClass().getSimpleName() + " was not accepted"
        + (overflowPolicy == OverflowPolicy.FAIL
            ? " (OverflowPolicy.FAIL); raise ActiveObjectOptions capacity or slow the callers down"
            : " (a call from the active object's own thread cannot wait for itself)")));
    return REFUSED_FAILED;
  }

  private int awaitRoom(MethodRequest<S, ?> request) {
    synchronized (queue) {
      blockedCallers++;
      try {
        for (;;) {
          int outcome = reserve();
          if (outcome != REFUSED_FULL) {
            return outcome;
          }
          queue.wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        request.completeExceptionally(new RejectedExecutionException("interrupted while waiting for room in the"
            + " full queue of active object " + name + ": " + request.getClass().getSimpleName() + " was not accepted", e));
        return REFUSED_FAILED;
      } finally {
        blockedCallers--;
      }
    }
  }

  private void wakeBlockedCallers() {
    if (blockedCallers != 0) {
      synchronized (queue) {
        queue.notifyAll();
      }
    }
  }

  private void awaitTermination() {
    boolean interrupted = false;
    for (;;) {
      try {
        synchronized (queue) {
          while (!terminated) {
            queue.wait();
          }
        }
        break;
      } catch (InterruptedException e) {
        if (!interrupted) {
          interrupted = true;
          CONTROL.getAndBitwiseOr(this, LIFECYCLE);
          wakeBlockedCallers();
          signal();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private int control() {
    return control;
  }
}
