package io.github.posa4j.resilience;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that fires timeouts. Work done on it is kept short: an interrupt, or a
 * state change and a hand-off to the policy's asynchronous executor; never application code.
 */
final class Scheduler {
  private Scheduler() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "posa4j-scheduler");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return Holder.EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }
}
