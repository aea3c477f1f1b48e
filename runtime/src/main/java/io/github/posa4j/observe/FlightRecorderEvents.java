package io.github.posa4j.observe;

import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.FaultToleranceRegistry;

/**
 * posa4j's JDK Flight Recorder events. All are in the category {@code posa4j}, so that
 * {@code jfr print --categories posa4j recording.jfr} (or {@code --events 'io.github.posa4j.*'})
 * shows them all:
 *
 * <table>
 *   <caption>Events</caption>
 *   <tr><th>event</th><th>when</th><th>fields</th></tr>
 *   <tr><td>{@code io.github.posa4j.CircuitBreakerStateChange}</td><td>a breaker changes state</td>
 *       <td>method, from, to</td></tr>
 *   <tr><td>{@code io.github.posa4j.CallRejected}</td><td>an open breaker or a full bulkhead
 *       rejects a call</td><td>method, policy ({@code CircuitBreaker} or {@code Bulkhead}), message</td></tr>
 *   <tr><td>{@code io.github.posa4j.Retry}</td><td>a failed attempt is retried</td>
 *       <td>method, retry, failureClass, failureMessage, delay</td></tr>
 *   <tr><td>{@code io.github.posa4j.Timeout}</td><td>an attempt runs past its timeout</td>
 *       <td>method, message</td></tr>
 *   <tr><td>{@code io.github.posa4j.Fallback}</td><td>a fallback answers for a failed call</td>
 *       <td>method, failureClass, failureMessage</td></tr>
 *   <tr><td>{@code io.github.posa4j.ActiveObjectRequest}</td><td>an active object ran a method
 *       request (a duration event, 1 ms threshold by default)</td><td>activeObject, requestType, failed</td></tr>
 *   <tr><td>{@code io.github.posa4j.ActiveObjectQueue}</td><td>every second, for each active
 *       object seen during the recording</td><td>activeObject, pendingRequests</td></tr>
 *   <tr><td>{@code io.github.posa4j.SubscriberError}</td><td>a delivery failure goes to a
 *       publisher's error handler</td><td>publisher, event, subscriber, errorClass, errorMessage</td></tr>
 *   <tr><td>{@code io.github.posa4j.QueueOverflow}</td><td>an asynchronous subscriber's queue is
 *       full (a duration event when the publisher waits)</td><td>publisher, subscriber, event,
 *       policy, outcome ({@code dropped}, {@code refused} or {@code waited}), capacity</td></tr>
 *   <tr><td>{@code io.github.posa4j.Command}</td><td>a command processor ran a command, an undo, a
 *       redo or a macro (a duration event, 1 ms threshold by default)</td><td>processor, command,
 *       outcome ({@code ok}, {@code undo}, {@code redo}, {@code macro} or {@code failed}), failureClass,
 *       failureMessage</td></tr>
 *   <tr><td>{@code io.github.posa4j.JournalSync}</td><td>a command processor forced its journal's
 *       new records to the device (a duration event)</td><td>processor, records, bytes, failed</td></tr>
 *   <tr><td>{@code io.github.posa4j.LeaderElected}</td><td>this process began to lead an
 *       election</td><td>election, member, epoch</td></tr>
 *   <tr><td>{@code io.github.posa4j.LeaderRevoked}</td><td>a leadership of this process ended</td>
 *       <td>election, member, epoch, reason</td></tr>
 *   <tr><td>{@code io.github.posa4j.LeaseRenewalFailed}</td><td>asking an election's store for the
 *       lease failed</td><td>election, member, leader, failureClass, failureMessage</td></tr>
 * </table>
 *
 * <p>A method is named by its policy key ({@code com.acme.Pay/charge(java.lang.String,long)}), an
 * active object, a publisher and a command processor by their names.
 *
 * <p>The events cost next to nothing while no recording takes them: the resilience events are
 * emitted by a {@link #listener() listener} that policies call only off their success path, and
 * active objects, publishers and command processors test an enabled flag before they build an
 * event.
 *
 * <p>Without the {@code jdk.jfr} module (a jlink image that leaves it out, a modular application
 * that does not resolve it) every hook silently does nothing and {@link #isAvailable()} is false.
 */
public final class FlightRecorderEvents {
  private static final FaultToleranceListener LISTENER = Jfr.AVAILABLE
      ? FaultToleranceRecorder.INSTANCE
      : new FaultToleranceListener() {};

  private FlightRecorderEvents() {}

  /**
   * The one listener that turns the events of resilience policies into Flight Recorder events.
   * {@link FaultToleranceRegistry#global()} has it already (see {@link Observability}); add it to
   * a registry or a {@code FaultTolerance} of your own. Without {@code jdk.jfr} it does nothing.
   */
  public static FaultToleranceListener listener() {
    return LISTENER;
  }

  /** Whether the {@code jdk.jfr} module can be used here; when not, no event is ever emitted. */
  public static boolean isAvailable() {
    return Jfr.AVAILABLE;
  }
}
