package io.github.posa4j.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  ScheduledFuture<?> schedule(long delayNanos, Runnable task) {
    return tasks.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  void execute(Runnable task) {
    tasks.execute(task);
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
