package io.github.posa4j.resilience;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that fires timeouts and starts delayed asynchronous retries. Work done on
 * it is short: an interrupt, completing a future, or invoking a method that returns a stage.
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
