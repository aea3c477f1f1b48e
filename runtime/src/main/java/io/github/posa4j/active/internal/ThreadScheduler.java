package io.github.posa4j.active.internal;

import io.github.posa4j.active.ActiveObjectOptions;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * An active object with a thread of its own. When the queue is empty the thread spins briefly,
 * since a request often follows at once, then parks; of the callers that find it asleep, the one
 * that flips {@code wakeState} back unparks it, the others leave it alone.
 */
final class ThreadScheduler<S> extends ActiveObjectScheduler<S> {
  /** Looks at the queue before parking, {@link #PAUSES_PER_LOOK} spin-wait hints apart. */
  private static final int SPINS = 1 << 8;
  private static final int PAUSES_PER_LOOK = 16;
  private static final int AWAKE = 0;
  private static final int SLEEPING = 1;

  private Thread thread;

  private ThreadScheduler(S servant, String typeName, ActiveObjectOptions options) {
    super(servant, typeName, options);
  }

  static <S> ThreadScheduler<S> start(S servant, String typeName, ActiveObjectOptions options) {
    ThreadScheduler<S> scheduler = new ThreadScheduler<>(servant, typeName, options);
    ThreadFactory factory = options.threadFactory(scheduler.name());
    Thread thread = factory.newThread(scheduler::consume);
    if (thread == null) {
      throw new IllegalStateException("the ThreadFactory of ActiveObjectOptions returned null for active object "
          + scheduler.name() + "; it must return a new, unstarted thread");
    }
    scheduler.thread = thread;
    thread.start();
    return scheduler;
  }

  @Override
  void signal() {
    if (wakeState == SLEEPING && WAKE_STATE.compareAndSet(this, SLEEPING, AWAKE)) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  boolean isConsumerThread() {
    return Thread.currentThread() == thread;
  }

  private void consume() {
    for (;;) {
      int lifecycle = lifecycle();
      try {
        Drain drain = drain(Integer.MAX_VALUE);
        if (drain == Drain.TERMINATED) {
          return;
        }
        if (drain == Drain.MORE) {
          continue; // a turn cut short (see ActiveObjectScheduler.turnLimit): the rest is queued already
        }
      } catch (Throwable unexpected) {
        // Only an error of the JVM itself (out of memory, say) gets here: fail what is queued rather than hang.
        breakDown(unexpected);
        if (isTerminated()) {
          return;
        }
      }
      awaitWork(lifecycle);
    }
  }

  /** Returns once a request arrived or the lifecycle moved past {@code lifecycleSeen}. */
  private void awaitWork(int lifecycleSeen) {
    for (int i = 0; i < SPINS; i++) {
      if (hasWork(lifecycleSeen)) {
        return;
      }
      // Look at the callers' cache line only now and then: each look takes it away from them.
      for (int pause = 0; pause < PAUSES_PER_LOOK; pause++) {
        Thread.onSpinWait();
      }
    }
    // SLEEPING again before every park: a caller may have flipped it to AWAKE for a request this
    // thread has already run, and would otherwise leave it asleep with the next one.
    for (;;) {
      wakeState = SLEEPING;
      if (hasWork(lifecycleSeen)) {
        break;
      }
      LockSupport.park(this);
    }
    wakeState = AWAKE;
  }

  private boolean hasWork(int lifecycleSeen) {
    return hasIncoming() || lifecycle() != lifecycleSeen;
  }
}
