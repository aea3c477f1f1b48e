package io.github.posa4j.micrometer;

import io.github.posa4j.active.internal.ActiveObjects;
import io.github.posa4j.command.internal.CommandProcessors;
import io.github.posa4j.leader.internal.Elections;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Binds posa4j's figures to a Micrometer {@link MeterRegistry}: the circuit breaker, bulkhead,
 * retry, timeout and fallback of every method in a {@link FaultToleranceRegistry} (those that
 * exist when bound and those created later), every active object and command processor that
 * starts after binding, and every leader election this JVM is a member of.
 *
 * <pre>{@code
 * new Posa4jMetrics().bindTo(meterRegistry);   // posa4j's global registry: generated code and the agent
 * }</pre>
 *
 * <p>Bind at start-up, before active objects start and command processors open: the runtime tells
 * of them as they start, so one that started earlier gets no meters. Policy sets are bound whenever they are
 * created, before or after. Gauges and function counters read posa4j's own figures when the
 * registry is scraped and hold what they read weakly; a call costs nothing extra, except a counter
 * increment for a retry, a timeout or a fallback. A method without any of these policies gets no
 * meters.
 *
 * <h2>Meters</h2>
 *
 * <p>Every resilience meter is tagged {@code method=<policy key>}, the key of the method, e.g.
 * {@code com.acme.Payments/charge(java.lang.String,long)}; every active-object meter is tagged
 * {@code name=<active object name>}, every command-processor meter {@code name=<processor name>}.
 * A base unit is given only where it is the last word of the name, so that names exported with
 * units appended (Prometheus) stay as below.
 *
 * <table class="striped">
 * <caption>The meters, their tags and what they count</caption>
 * <thead>
 * <tr><th>name</th><th>type</th><th>tags</th><th>base unit</th><th>value</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>{@code posa4j.circuitbreaker.state}</td><td>gauge</td>
 *     <td>{@code method}, {@code state}={@code closed}|{@code open}|{@code half_open}|{@code forced_open}|{@code forced_closed}</td>
 *     <td></td><td>1 for the breaker's current state, 0 for the other four</td></tr>
 * <tr><td>{@code posa4j.circuitbreaker.calls}</td><td>function counter</td>
 *     <td>{@code method}, {@code kind}={@code successful}|{@code failed}|{@code rejected}</td><td>calls</td>
 *     <td>calls the breaker recorded as successful or failed, and calls it rejected while open</td></tr>
 * <tr><td>{@code posa4j.circuitbreaker.window.calls}</td><td>gauge</td><td>{@code method}</td><td>calls</td>
 *     <td>outcomes in the current rolling window (0 unless closed)</td></tr>
 * <tr><td>{@code posa4j.circuitbreaker.window.failures}</td><td>gauge</td><td>{@code method}</td><td></td>
 *     <td>failures among those outcomes</td></tr>
 * <tr><td>{@code posa4j.circuitbreaker.opened}</td><td>function counter</td><td>{@code method}</td><td></td>
 *     <td>how often the breaker opened by itself (forcing it open does not count)</td></tr>
 * <tr><td>{@code posa4j.bulkhead.in.use}</td><td>gauge</td><td>{@code method}</td><td></td>
 *     <td>calls running inside the bulkhead now</td></tr>
 * <tr><td>{@code posa4j.bulkhead.waiting}</td><td>gauge</td><td>{@code method}</td><td></td>
 *     <td>asynchronous calls waiting for a slot now</td></tr>
 * <tr><td>{@code posa4j.bulkhead.max.concurrent}</td><td>gauge</td><td>{@code method}</td><td></td>
 *     <td>how many calls may run at once (the bulkhead's {@code value})</td></tr>
 * <tr><td>{@code posa4j.bulkhead.rejected}</td><td>function counter</td><td>{@code method}</td><td></td>
 *     <td>calls rejected with {@code BulkheadFullException}</td></tr>
 * <tr><td>{@code posa4j.retry.retries}</td><td>counter</td><td>{@code method}</td><td>retries</td>
 *     <td>retries made (first attempts not counted); only for methods with a retry</td></tr>
 * <tr><td>{@code posa4j.timeout.timeouts}</td><td>counter</td><td>{@code method}</td><td>timeouts</td>
 *     <td>attempts that ran past their timeout; only for methods with a timeout</td></tr>
 * <tr><td>{@code posa4j.fallback.calls}</td><td>counter</td><td>{@code method}</td><td>calls</td>
 *     <td>failed calls answered by the fallback; only for methods with a fallback</td></tr>
 * <tr><td>{@code posa4j.activeobject.queue.length}</td><td>gauge</td><td>{@code name}</td><td></td>
 *     <td>requests queued, waiting ones included, not counting the one running</td></tr>
 * <tr><td>{@code posa4j.activeobject.requests}</td><td>function counter</td>
 *     <td>{@code name}, {@code kind}={@code executed}|{@code failed}</td><td>requests</td>
 *     <td>requests started; those whose servant method threw (a part of the executed ones)</td></tr>
 * <tr><td>{@code posa4j.command.pending}</td><td>gauge</td><td>{@code name}</td><td></td>
 *     <td>calls queued in the command processor, not counting the one running</td></tr>
 * <tr><td>{@code posa4j.command.undo.depth}</td><td>gauge</td><td>{@code name}</td><td></td>
 *     <td>steps an undo can go back now</td></tr>
 * <tr><td>{@code posa4j.command.redo.depth}</td><td>gauge</td><td>{@code name}</td><td></td>
 *     <td>undone steps a redo can run again now</td></tr>
 * <tr><td>{@code posa4j.journal.bytes}</td><td>function counter</td><td>{@code name}</td><td>bytes</td>
 *     <td>bytes of records written to the journal since the processor opened; only journaled processors</td></tr>
 * <tr><td>{@code posa4j.journal.durable.records}</td><td>gauge</td><td>{@code name}</td><td>records</td>
 *     <td>records of the journal known to be on the device, counted from its first (before any
 *     snapshot); only journaled processors</td></tr>
 * <tr><td>{@code posa4j.election.leader}</td><td>gauge</td><td>{@code name}, {@code member}</td><td></td>
 *     <td>1 while this process leads the election, 0 otherwise</td></tr>
 * <tr><td>{@code posa4j.election.epoch}</td><td>gauge</td><td>{@code name}, {@code member}</td><td></td>
 *     <td>the epoch (fencing token) of the leadership held; 0 when not leading</td></tr>
 * <tr><td>{@code posa4j.election.lease.remaining}</td><td>gauge</td><td>{@code name}, {@code member}</td>
 *     <td>milliseconds</td><td>time left before the leadership's deadline unless renewed; 0 when not leading</td></tr>
 * </tbody>
 * </table>
 *
 * <p>An active object's meters are removed from the registry when it terminates, and a command
 * processor's when it closes, so that short-lived ones do not pile up; while one runs, another of
 * the same name gets no meters (a warning says so). Policy meters stay, as the policies do.
 *
 * <p>Bind each registry once; binding the same registry again through the same instance does
 * nothing. {@link #close()} unbinds: nothing more is counted or registered, and the meters this
 * instance registered are removed.
 */
public final class Posa4jMetrics implements MeterBinder, AutoCloseable {
  private final FaultToleranceRegistry policies;
  /** The bindings made so far, by registry identity. Guarded by {@code this}. */
  private final Map<MeterRegistry, Binding> bindings = new IdentityHashMap<>();
  /** Guarded by {@code this}. */
  private boolean closed;

  /** Metrics of {@link FaultToleranceRegistry#global()}, the registry generated code and the agent use. */
  public Posa4jMetrics() {
    this(FaultToleranceRegistry.global());
  }

  /**
   * Metrics of a registry of your own (and of every active object, command processor and election).
   *
   * @param policies the registry whose policy sets get meters
   */
  public Posa4jMetrics(FaultToleranceRegistry policies) {
    this.policies = Objects.requireNonNull(policies, "policies");
  }

  /**
   * Registers the meters of every policy set of the registry now, and of each one created later,
   * of each active object and command processor that starts from now on, and of every election
   * this JVM is a member of, now or later.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (closed) {
      throw new IllegalStateException("these posa4j metrics are closed; bind new Posa4jMetrics instead");
    }
    if (bindings.containsKey(registry)) {
      return;
    }
    Binding binding = new Binding(new PolicyMeters(registry), new ActiveObjectMeters(registry),
        new CommandProcessorMeters(registry), new ElectionMeters(registry));
    bindings.put(registry, binding);
    ActiveObjects.addObserver(binding.activeObjects());
    CommandProcessors.addObserver(binding.commandProcessors());
    Elections.addObserver(binding.elections());
    Elections.joined().forEach(binding.elections()::joined);
    policies.addRegistrationListener(binding.policies()::bind);
  }

  /**
   * Unbinds from every registry: stops counting and observing, and removes the meters this
   * instance registered. Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    closed = true;
    for (Binding binding : bindings.values()) {
      ActiveObjects.removeObserver(binding.activeObjects());
      binding.activeObjects().close();
      CommandProcessors.removeObserver(binding.commandProcessors());
      binding.commandProcessors().close();
      Elections.removeObserver(binding.elections());
      binding.elections().close();
      binding.policies().close();
    }
    bindings.clear();
  }

  /** What one {@link #bindTo} set up. */
  private record Binding(PolicyMeters policies, ActiveObjectMeters activeObjects,
      CommandProcessorMeters commandProcessors, ElectionMeters elections) {}
}
