package io.github.posa4j.active;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * An active object with a thread of its own. When the queue is empty the thread spins briefly,
 * since a request often follows at once, then parks; a caller unparks it only when it sleeps.
 */
final class ThreadScheduler<S> extends ActiveObjectScheduler<S> {
  /** About a few microseconds of {@code onSpinWait} before parking. */
  private static final int SPINS = 1 << 10;

  private Thread thread;
  private volatile boolean sleeping;

  private ThreadScheduler(S servant, String name, ActiveObjectOptions options) {
    super(servant, name, options);
  }

  static <S> ThreadScheduler<S> start(S servant, String name, ActiveObjectOptions options, ThreadFactory factory) {
    ThreadScheduler<S> scheduler = new ThreadScheduler<>(servant, name, options);
    Thread thread = factory.newThread(scheduler::consume);
    if (thread == null) {
      throw new IllegalStateException("the ThreadFactory of ActiveObjectOptions returned null for active object "
          + name + "; it must return a new, unstarted thread");
    }
    scheduler.thread = thread;
    thread.start();
    return scheduler;
  }

  @Override
  void signal() {
    if (sleeping) {
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
        if (drain(Integer.MAX_VALUE) == Drain.TERMINATED) {
          return;
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
      Thread.onSpinWait();
    }
    sleeping = true;
    while (!hasWork(lifecycleSeen)) {
      LockSupport.park(this);
    }
    sleeping = false;
  }

  private boolean hasWork(int lifecycleSeen) {
    return queue.hasIncoming() || lifecycle() != lifecycleSeen;
  }
}
