package io.github.posa4j.active.internal;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.OverflowPolicy;
import io.github.posa4j.active.QueueFullException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * <p>Callers count requests in, the consumer counts them out, each on its own cache line: a call
 * costs the caller two compare-and-sets it usually has to itself, and the consumer touches the
 * callers' line once per batch of requests it takes, not once per request.
 *
 * @param <S> the servant type
 */
public abstract class ActiveObjectScheduler<S> extends CallerSidePadding<S> {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final VarHandle DEPARTED;
  private static final VarHandle EXECUTED;
  private static final VarHandle FAILED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      DEPARTED = lookup.findVarHandle(ActiveObjectScheduler.class, "departed", int.class);
      EXECUTED = lookup.findVarHandle(ActiveObjectScheduler.class, "executedRequests", long.class);
      FAILED = lookup.findVarHandle(ActiveObjectScheduler.class, "failedRequests", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The low bits of counts: requests modulo 2<sup>29</sup>. */
  private static final int COUNT = ActiveObjectOptions.MAX_CAPACITY;
  /** In {@code control}: no new requests are accepted. */
  private static final int CLOSED = 1 << 29;
  /** In {@code control}: queued requests are cancelled rather than run. */
  private static final int STOPPED = 1 << 30;
  private static final int LIFECYCLE = CLOSED | STOPPED;
  /** See {@link #turnLimit}. */
  static final int LISTENED_TURN = 4_096;

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

  // The consumer's side: written by the consumer, or rarely, and read by it on every request.

  /** Requests that left the queue (modulo 2<sup>29</sup>): started, withdrawn or cancelled. */
  @SuppressWarnings("unused") // through DEPARTED
  private volatile int departed;
  /** shutdownNow() asks the consumer to cancel instead of run. */
  private volatile boolean stopRequested;
  private volatile int blockedCallers;
  /**
   * Every queued request waits for a guard and the queue is full: only a new request can release
   * them, so new requests are admitted beyond the capacity until one of them has run.
   */
  private volatile boolean stuckOnGuards;
  private volatile boolean terminated;
  /** Why this active object cannot run requests any more, if so; queued requests then fail with it. */
  private volatile Throwable breakdown;
  /** Queued requests the consumer cancelled or failed after a stop. */
  private int abandoned;
  /** Whether {@link ActiveObjects} observers heard of the termination. Consumer only. */
  private boolean terminationTold;
  /** Whether the {@link ActiveObjectProbe} watches this active object. Consumer only. */
  private boolean watched;
  /**
   * Requests started, and those whose servant method threw: written by the consumer alone with
   * release stores (plain stores on x86), read by observers with acquire loads.
   */
  @SuppressWarnings("unused") // through EXECUTED
  private long executedRequests;
  @SuppressWarnings("unused") // through FAILED
  private long failedRequests;

  final S servant;
  /** The queue; also the monitor that blocked callers and {@code close()} wait on. */
  final ActivationQueue<S> queue;
  private final String givenName;
  private final String typeName;
  private final int sequence;
  private final int lowWater;
  private final OverflowPolicy overflowPolicy;
  /** The servant, when it wants to hear of the end of each turn; {@code null} otherwise. */
  private final TurnListener turnListener;
  /**
   * The most requests one turn runs: unbounded, except for a {@link TurnListener}, which hears of
   * a turn's end at least every {@value #LISTENED_TURN} requests, so that what it holds back until
   * then (a command processor's acknowledgements) never waits for a queue that callers keep full.
   */
  private final int turnLimit;

  ActiveObjectScheduler(S servant, String typeName, ActiveObjectOptions options) {
    super(options.capacity());
    this.servant = servant;
    this.queue = new ActivationQueue<>(this);
    this.givenName = options.name().orElse(null);
    this.typeName = typeName;
    this.sequence = givenName == null ? SEQUENCE.incrementAndGet() : 0;
    this.lowWater = capacity - Math.max(1, capacity / 8);
    this.overflowPolicy = options.overflowPolicy();
    this.turnListener = servant instanceof TurnListener ? (TurnListener) servant : null;
    this.turnLimit = turnListener != null ? LISTENED_TURN : Integer.MAX_VALUE;
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
    Executor shared = options.sharedExecutor().orElse(null);
    ActiveObjectScheduler<S> scheduler = shared != null
        ? new ExecutorScheduler<>(servant, typeName, options, shared)
        : ThreadScheduler.start(servant, typeName, options);
    ActiveObjects.started(scheduler);
    ActiveObjects.PROBE.watch(scheduler);
    return scheduler;
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
      push(request);
      signal();
    } else if (outcome == REFUSED_CLOSED) {
      request.completeExceptionally(new RejectedExecutionException("active object " + name() + " is closed: "
          + request.getClass().getSimpleName() + " was not accepted; submit before close() or start a new one"));
    }
    return request;
  }

  /** The requests queued, waiting ones included, not counting the one running. */
  public final int pendingRequests() {
    int departedNow = departed;
    return (control - departedNow) & COUNT;
  }

  /**
   * The name of this active object, as its thread and messages show it: the name of its options,
   * or its type's name with a sequence number.
   */
  public final String name() {
    return givenName != null ? givenName : typeName + "-" + sequence;
  }

  /** Whether {@link #close()} or {@link #shutdownNow()} was called. */
  public final boolean isClosed() {
    return (control & CLOSED) != 0;
  }

  /** How many requests this active object has started running, in all. */
  public final long executedRequests() {
    return (long) EXECUTED.getAcquire(this);
  }

  /** How many of the {@linkplain #executedRequests() requests run} failed: their servant method threw. */
  public final long failedRequests() {
    return (long) FAILED.getAcquire(this);
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
   * it unless called from a servant method, where it cancels what is queued then and returns.
   *
   * @return how many queued requests were cancelled; 0 when called again
   */
  public final int shutdownNow() {
    // The consumer's flag first, so that it never runs a request queued before the stop; it
    // cannot finish before CLOSED is set too (see finishIfEmpty).
    stopRequested = true;
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
    return abandoned;
  }

  @Override
  public String toString() {
    String state = terminated ? "terminated" : isClosed() ? "closing" : "running";
    return name() + " (" + state + ", " + pendingRequests() + " pending)";
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
    ActivationQueue<S> queue = this.queue;
    S servant = this.servant;
    int executed = 0;
    if (!watched) {
      watched = ActiveObjects.PROBE.watch(this);
    }
    for (;;) {
      if (stopRequested) {
        endTurn(executed);
        abandonQueued();
        return finishIfEmpty();
      }
      MethodRequest<S, ?> request = queue.next(servant);
      if (request == null && executed != 0 && turnListener != null) {
        request = waitForMore(queue, servant);
      }
      if (request == null) {
        endTurn(executed);
        return idle();
      }
      depart();
      if (request.isDone()) {
        // Withdrawn, or failed by its guard: the waiting requests it was preferred to, or that
        // wait behind it in its group, were not examined yet.
        queue.servantChanged();
      } else {
        if (stuckOnGuards) {
          stuckOnGuards = false;
        }
        execute(request, servant);
        queue.servantChanged();
        if (++executed == budget || executed == turnLimit) {
          endTurn(executed);
          return Drain.MORE;
        }
      }
    }
  }

  /**
   * The queue ran empty in the middle of a listened turn: polls it for as long as the listener
   * asks (see {@link TurnListener#waitForMoreNanos()}), yielding the core to the callers between
   * looks rather than parking, since waking a parked consumer would cost each caller a wake-up.
   */
  private MethodRequest<S, ?> waitForMore(ActivationQueue<S> queue, S servant) {
    long wait = turnListener.waitForMoreNanos();
    if (wait <= 0) {
      return null;
    }
    long deadline = System.nanoTime() + wait;
    int lifecycle = lifecycle();
    do {
      Thread.yield();
      MethodRequest<S, ?> request = queue.next(servant);
      if (request != null) {
        return request;
      }
    } while (System.nanoTime() - deadline < 0 && !stopRequested && lifecycle() == lifecycle);
    return null;
  }

  private void endTurn(int executed) {
    if (executed != 0 && turnListener != null) {
      turnListener.turnEnded();
    }
  }

  /** Whether shutdownNow() (or a breakdown) has told the consumer to cancel; for tests. */
  final boolean stopRequested() {
    return stopRequested;
  }

  /** Lifecycle bits as they are now, for a consumer deciding whether to sleep. */
  final int lifecycle() {
    return control & LIFECYCLE;
  }

  /** {@link #lifecycle()} shifted into a byte, for a consumer that keeps it in little room. */
  final byte lifecycleByte() {
    return (byte) (lifecycle() >>> Integer.numberOfTrailingZeros(CLOSED));
  }

  /**
   * Requests can no longer run (the executor refused a turn, or the JVM failed the
   * consumer): fail what is queued with {@code failure} as the cause, and stop. Consumer only.
   */
  final void breakDown(Throwable failure) {
    breakdown = failure;
    stopRequested = true;
    CONTROL.getAndBitwiseOr(this, LIFECYCLE);
    wakeBlockedCallers();
    abandonQueued();
    finishIfEmpty();
  }

  /**
   * Runs {@code request}, reported to the {@link ActiveObjectProbe}. While no Flight Recorder
   * recording takes request events, posa4j's probe inlines to a read of a static volatile boolean
   * (and, once Flight Recorder has been initialised, a few loads of the event type's state) and
   * returns {@code null}: no allocation, no clock read.
   */
  private void execute(MethodRequest<S, ?> request, S servant) {
    // Counted before the request completes its future, so a caller who sees it done sees it counted.
    EXECUTED.setRelease(this, (long) EXECUTED.get(this) + 1);
    Object recorded = ActiveObjects.PROBE.requestStarts();
    try {
      request.execute(servant);
    } catch (Throwable failure) {
      FAILED.setRelease(this, (long) FAILED.get(this) + 1);
      request.completeExceptionally(failure);
    }
    if (recorded != null) {
      ActiveObjects.PROBE.requestEnds(recorded, this, request);
    }
  }

  private Drain idle() {
    VarHandle.fullFence(); // orders the consumer's last count with its reading of the callers' state
    int control = this.control;
    if ((control & STOPPED) != 0) {
      abandonQueued();
      return finishIfEmpty();
    }
    int count = (control - departed) & COUNT;
    if ((control & CLOSED) != 0 && count == queue.waitingCount()) {
      queue.removeAll(request -> {
        request.completeExceptionally(new CancellationException("active object " + name() + " was closed while "
            + request.getClass().getSimpleName() + " waited for its guard, which nothing could make true any more"));
        depart();
      });
      return finishIfEmpty();
    }
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
    boolean completedHere = request.completeExceptionally(failure != null
        ? new RejectedExecutionException("active object " + name() + " stopped before "
            + request.getClass().getSimpleName() + " ran: " + failure, failure)
        : new CancellationException("active object " + name() + " was shut down before "
            + request.getClass().getSimpleName() + " ran"));
    if (completedHere) {
      abandoned++;
    }
    depart();
  }

  /**
   * Terminates when closed and no request is left; one accepted but not yet pushed will signal
   * again, and so will the close of a shutdownNow() that has only asked the consumer to stop.
   */
  private Drain finishIfEmpty() {
    if ((control & CLOSED) == 0 || pendingRequests() != 0) {
      return Drain.IDLE;
    }
    if (!terminationTold) { // observers first: once close() returns, they have heard
      terminationTold = true;
      if (turnListener != null) {
        turnListener.terminated();
      }
      ActiveObjects.terminated(this);
    }
    synchronized (queue) {
      terminated = true;
      queue.notifyAll();
    }
    return Drain.TERMINATED;
  }

  private int reserve() {
    for (;;) {
      int control = this.control;
      if ((control & CLOSED) != 0) {
        return REFUSED_CLOSED;
      }
      int count = (control - departedSeen) & COUNT;
      if (count >= capacity) {
        // The reading of the consumer's count may be old, or newer than this reading of control
        // (then the difference wraps around): read both again, the consumer's count first.
        int departedNow = departed;
        departedSeen = departedNow;
        if (this.control != control) {
          continue;
        }
        count = (control - departedNow) & COUNT;
        if (count >= capacity && (!stuckOnGuards || count == COUNT)) {
          return REFUSED_FULL;
        }
      }
      int accepted = (control & ~COUNT) | ((control + 1) & COUNT);
      if (CONTROL.weakCompareAndSet(this, control, accepted)) {
        return ACCEPTED;
      }
    }
  }

  /**
   * Counts one request out of the queue. A release store is enough: callers read it only to find
   * room, where an old value errs on the safe side.
   */
  private void depart() {
    int departedNow = (int) DEPARTED.getOpaque(this) + 1;
    DEPARTED.setRelease(this, departedNow);
    if (blockedCallers != 0 && ((control - departedNow) & COUNT) <= lowWater) {
      // Waking blocked callers one by one would cost a notification per request; wake them in batches.
      wakeBlockedCallers();
    }
  }

  private int refuseFull(MethodRequest<S, ?> request) {
    request.completeExceptionally(new QueueFullException("active object " + name() + " has " + capacity
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
            + " full queue of active object " + name() + ": " + request.getClass().getSimpleName()
            + " was not accepted", e));
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
          stopRequested = true;
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
}
