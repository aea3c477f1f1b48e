package io.github.posa4j.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the connections of one Proactor share: the transport's counters, the thread that runs its
 * timers and the operations other threads ask of a connection, the connections still open (to
 * close them with the transport), and the time spent in completion handlers.
 */
final class ProactorContext {
  private final TransportContext transport;
  private final ScheduledExecutorService tasks;
  private final Set<ProactorConnection> open = ConcurrentHashMap.newKeySet();
  private final LongAdder busyNanos = new LongAdder();

  public ProactorContext(TransportContext transport, ScheduledExecutorService tasks) {
    this.transport = transport;
    this.tasks = tasks;
  }

  public TransportContext transport() {
    return transport;
  }

  /** Runs {@code task} after {@code delayNanos}; {@code null} once the proactor is closed (nothing to time). */
  ScheduledFuture<?> schedule(long delayNanos, Runnable task) {
    try {
      return tasks.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      return null;
    }
  }

  /** Runs {@code task} on the task thread; nothing once the proactor is closed (its connections are closed too). */
  void execute(Runnable task) {
    try {
      tasks.execute(task);
    } catch (RejectedExecutionException closed) {
      // the proactor closed every connection already
    }
  }

  /** Counts {@code connection} among the open ones, to be closed with the transport. */
  public void track(ProactorConnection connection) {
    open.add(connection);
  }

  void forget(ProactorConnection connection) {
    open.remove(connection);
  }

  /** Closes every connection still open. */
  public void closeAll() {
    for (ProactorConnection connection : open) {
      connection.transportClosing();
    }
  }

  void busy(long nanos) {
    busyNanos.add(nanos);
  }

  public long busyNanos() {
    return busyNanos.sum();
  }
}
