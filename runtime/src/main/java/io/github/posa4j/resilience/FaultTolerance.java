package io.github.posa4j.resilience;

import io.github.posa4j.annotation.FallbackHandler;
import io.github.posa4j.resilience.internal.Attempt;
import io.github.posa4j.resilience.internal.CallEpoch;
import io.github.posa4j.resilience.internal.FallbackAnswer;
import io.github.posa4j.resilience.internal.LeaderGate;
import io.github.posa4j.resilience.internal.Permit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The resilience policies of one method, composed in the order
 * {@code Fallback(LeaderOnly(Retry(CircuitBreaker(Timeout(Bulkhead(call))))))} with the semantics
 * of MicroProfile Fault Tolerance. One instance per method, shared by every object and thread that
 * calls it; find or create it through {@link FaultToleranceRegistry}.
 *
 * <h2>Calling</h2>
 *
 * <p>Application code wraps a body: {@link #call(Callable)} for a synchronous one,
 * {@link #callAsync(Supplier)} for one that returns a {@link CompletionStage}.
 *
 * <h2>The call protocol of generated and woven code</h2>
 *
 * <p>This class owns the whole protocol: admission, attempts, retries, breaker and bulkhead
 * outcomes, timeouts, fallback and rethrowing. Generated decorators and woven methods keep only
 * the first attempt inline, which on success allocates nothing (without a timeout), and hand a
 * first failure to {@link #afterFailure}, with the body as an {@link Attempt} to run again:
 *
 * <pre>{@code
 * try {
 *   Permit permit = POLICY.enter();              // may throw NotLeaderException, CircuitBreakerOpenException, BulkheadFullException
 *   Receipt result;
 *   try {
 *     result = charge(order);                    // the protected body
 *   } catch (Throwable failure) {
 *     throw POLICY.failed(permit, failure);      // records the failure, releases the slot
 *   }
 *   POLICY.succeeded(permit);                    // records the success; throws if the attempt timed out
 *   return result;
 * } catch (Throwable failure) {
 *   return POLICY.afterFailure(failure, () -> charge(order), lastFailure -> fallbackCharge(order));
 * }
 * }</pre>
 *
 * <p>{@code @LeaderOnly} is checked once per call, by {@link #enter()} for the first attempt; the
 * call's epoch stays {@linkplain io.github.posa4j.leader.Leadership#epoch() the thread's} until
 * {@link #succeeded} returns or {@link #afterFailure} has run the retries, before any fallback.
 * A refused call goes straight to the fallback or is rethrown.
 *
 * <p>{@link Permit}, {@link Attempt} and {@link FallbackAnswer} live in
 * {@code io.github.posa4j.resilience.internal}: they are for generated and woven code only.
 */
public final class FaultTolerance {
  private static final System.Logger LOG = System.getLogger(FaultTolerance.class.getName());
  private static final FaultToleranceListener[] NO_LISTENERS = {};
  /** The permit of a policy set without circuit breaker and without timeout. */
  private static final Permit FREE = new Permit() {};

  private final String method;
  /** The election of {@code @LeaderOnly}, asked once per call, or null without that policy. */
  private final LeaderGate leaderGate;
  private final CircuitBreakerState breaker;
  private final BulkheadState bulkhead;
  private final long timeoutNanos;
  private final RetryPolicy retry;
  private final FallbackPolicy fallback;
  /**
   * The policy's fallback handler as {@link #call} answers with it (it has no arguments to give),
   * or null without a handler; made once, so that a call allocates nothing for it.
   */
  private final FallbackAnswer<Object> handlerAnswer;
  /** The same for {@link #callAsync(Supplier)}: the handler's answer as a stage. */
  private final Function<Throwable, CompletionStage<Object>> asyncHandlerAnswer;
  private final Executor asyncExecutor;
  private final List<Policy> policies;
  private volatile FaultToleranceListener[] listeners = NO_LISTENERS;
  private volatile List<FaultToleranceListener> sharedListeners = List.of();

  private FaultTolerance(Builder builder) {
    this.method = builder.method;
    List<Policy> policies = new ArrayList<>();
    if (builder.fallback != null) {
      policies.add(builder.fallback);
    }
    if (builder.leaderOnly != null) {
      builder.leaderOnly.validate(method);
      policies.add(builder.leaderOnly);
    }
    if (builder.retry != null) {
      builder.retry.validate(method);
      policies.add(builder.retry);
    }
    if (builder.circuitBreaker != null) {
      builder.circuitBreaker.validate(method);
      policies.add(builder.circuitBreaker);
    }
    if (builder.timeout != null) {
      builder.timeout.validate(method);
      if (builder.timeout.nanos() > 0) {
        policies.add(builder.timeout);
      }
    }
    if (builder.bulkhead != null) {
      builder.bulkhead.validate(method);
      policies.add(builder.bulkhead);
    }
    this.policies = List.copyOf(policies);
    this.fallback = builder.fallback;
    boolean hasHandler = fallback != null && fallback.handlerOrNull() != null;
    this.handlerAnswer = hasHandler ? this::handleFallback : null;
    this.asyncHandlerAnswer = hasHandler ? lastFailure -> asStage(handleFallback(lastFailure)) : null;
    this.retry = builder.retry;
    this.leaderGate = builder.leaderOnly == null ? null : LeaderGateService.gate(builder.leaderOnly.election(), method);
    this.breaker = builder.circuitBreaker == null ? null : new CircuitBreakerState(builder.circuitBreaker, this);
    this.timeoutNanos = builder.timeout == null ? 0 : builder.timeout.nanos();
    this.asyncExecutor = builder.asyncExecutor;
    this.bulkhead = builder.bulkhead == null ? null : new BulkheadState(builder.bulkhead, method, asyncExecutor);
    builder.listeners.forEach(this::addListener);
  }

  /** A builder of the policies of the method with the given key, e.g. {@code com.acme.Pay/charge}. */
  public static Builder builder(String method) {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("method key must not be blank; use <fully qualified class>/<method>");
    }
    return new Builder(method);
  }

  /** The key of the method these policies protect. */
  public String method() {
    return method;
  }

  /** The policies, outermost first. */
  public List<Policy> policies() {
    return policies;
  }

  /** The circuit breaker's figures and operator control, or empty without a breaker. */
  public Optional<CircuitBreakerView> circuitBreaker() {
    return Optional.ofNullable(breaker);
  }

  /** The bulkhead's figures, or empty without a bulkhead. */
  public Optional<BulkheadView> bulkhead() {
    return Optional.ofNullable(bulkhead);
  }

  /** The state of the circuit breaker, or empty without one. */
  public Optional<CircuitState> circuitState() {
    return breaker == null ? Optional.empty() : Optional.of(breaker.state());
  }

  /** The number of bulkhead slots in use; 0 without a bulkhead. */
  public int bulkheadInUse() {
    return bulkhead == null ? 0 : bulkhead.inUse();
  }

  /** The number of asynchronous calls waiting for a bulkhead slot; 0 without a bulkhead. */
  public int bulkheadWaiting() {
    return bulkhead == null ? 0 : bulkhead.waiting();
  }

  // ---------------------------------------------------------------- functional style

  /**
   * Calls {@code body} under every policy. The body's own exceptions reach the caller unchanged
   * (after retries, unless a fallback handler answers instead).
   */
  public <T> T call(Callable<T> body) throws Exception {
    try {
      Permit permit = enter();
      T result;
      try {
        result = body.call();
      } catch (Throwable failure) {
        throw failed(permit, failure);
      }
      succeeded(permit);
      return result;
    } catch (Throwable failure) {
      return afterFailure(failure, body::call, uncheckedCast(handlerAnswer));
    }
  }

  /**
   * Calls an asynchronous {@code body} under every policy, without ever blocking the caller:
   * rejections, timeouts and exhausted retries complete the returned future exceptionally. The
   * bulkhead slot and the timeout last until the body's stage completes; a call that finds every
   * slot taken waits in the bulkhead's queue, and its timeout counts from this call. The first
   * attempt runs on the caller's thread; delayed retries, queued calls and what follows a timeout
   * run on the {@linkplain Builder#asyncExecutor asynchronous executor}. Cancelling the returned
   * future stops further attempts.
   */
  public <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> body) {
    return new AsyncCall<>(this, body, uncheckedCast(asyncHandlerAnswer)).start();
  }

  /**
   * As {@link #callAsync(Supplier)}, answering with {@code fallback} (the protected method's
   * fallback method, called with the last failure) instead of the policy's handler when the
   * fallback applies. Generated and woven code calls this one.
   */
  public <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> body,
      Function<Throwable, ? extends CompletionStage<T>> fallback) {
    return new AsyncCall<>(this, body, Objects.requireNonNull(fallback, "fallback")).start();
  }

  // ---------------------------------------------------------------- the protocol of generated and woven code

  /**
   * Admits a call and its first attempt: checks {@code @LeaderOnly}, asks the circuit breaker,
   * takes a bulkhead slot and starts the timeout. Whatever it throws goes to {@link #afterFailure}.
   *
   * @throws RuntimeException a {@code NotLeaderException} when this process does not lead the
   *     election of {@code @LeaderOnly}
   * @throws CircuitBreakerOpenException when the breaker is open
   * @throws BulkheadFullException when every slot is taken (the breaker counts it as a failure)
   */
  public Permit enter() {
    if (leaderGate != null) {
      admitCall();
    }
    return enterAttempt();
  }

  /**
   * Checks {@code @LeaderOnly} for a call and enters its epoch, or 0 for a refused call, which
   * tells {@link #finish} not to retry it. A volatile read and a clock read: no I/O.
   */
  private void admitCall() {
    long epoch = leaderGate.admit();
    CallEpoch.enter(epoch);
    if (epoch == 0) {
      throw leaderGate.refusal(method);
    }
  }

  /** Whether the call whose failure {@link #finish} handles was admitted by {@code @LeaderOnly}. */
  private boolean admitted() {
    return leaderGate == null || CallEpoch.current() != 0;
  }

  /** Ends what {@link #admitCall} entered, so that an outer call's epoch is the thread's again. */
  private void leaveCall() {
    if (leaderGate != null) {
      CallEpoch.leave();
    }
  }

  /** Admits one attempt: asks the circuit breaker, takes a bulkhead slot and starts the timeout. */
  private Permit enterAttempt() {
    Permit permit = breaker == null ? FREE : breaker.acquire();
    if (bulkhead != null && !bulkhead.tryAcquire()) {
      BulkheadFullException full = new BulkheadFullException(bulkhead.fullMessage(), null);
      if (breaker != null) {
        breaker.record(permit, full);
      }
      onRejected(full);
      throw full;
    }
    return timeoutNanos > 0 ? new TimedPermit(permit, timeoutNanos) : permit;
  }

  /**
   * Ends an attempt whose body returned normally.
   *
   * @throws TimeoutExceededException when the attempt ran past its timeout; it is recorded as a
   *     failure
   */
  public void succeeded(Permit permit) {
    endAttempt(permit); // a timeout throws here: the call goes on in afterFailure, which leaves it
    leaveCall();
  }

  /** {@link #succeeded} for one attempt of a call that goes on until {@link #finish} ends it. */
  private void endAttempt(Permit permit) {
    if (timeoutNanos > 0 && ((TimedPermit) permit).finishTimedOut()) {
      releaseSlot();
      TimeoutExceededException timeout = new TimeoutExceededException(method, timeoutNanos, null);
      recordOutcome(permit, timeout);
      onTimeout(timeout);
      throw timeout;
    }
    releaseSlot();
    recordOutcome(permit, null);
  }

  /**
   * Ends an attempt whose body threw {@code failure}, and returns what the attempt failed with:
   * {@code failure} itself, or a {@link TimeoutExceededException} (with {@code failure} as its
   * cause) when the attempt ran past its timeout.
   */
  public Throwable failed(Permit permit, Throwable failure) {
    TimeoutExceededException timeout = null;
    if (timeoutNanos > 0 && ((TimedPermit) permit).finishTimedOut()) {
      timeout = new TimeoutExceededException(method, timeoutNanos, failure);
    }
    Throwable outcome = timeout == null ? failure : timeout;
    releaseSlot();
    recordOutcome(permit, outcome);
    if (timeout != null) {
      onTimeout(timeout);
    }
    return outcome;
  }

  /**
   * Finishes a call whose first attempt failed with {@code failure} (already recorded by
   * {@link #failed} or {@link #succeeded}, or a refusal of {@link #enter}): runs {@code body} again
   * as often as the retry policy allows, each attempt admitted, timed and recorded like the first,
   * sleeping each retry delay on the calling thread; a call {@code @LeaderOnly} refused is not run
   * again, and the retries of an admitted one are not checked again. When no attempt succeeds,
   * answers with {@code fallback} (the method's fallback method, or the policy's handler called
   * with the call's arguments) if the fallback policy applies to the last failure, or else throws
   * the last failure unchanged, even a checked one.
   */
  public <T> T afterFailure(Throwable failure, Attempt<T> body, FallbackAnswer<T> fallback) {
    return finish(failure, body, fallback);
  }

  /**
   * {@link #afterFailure(Throwable, Attempt, FallbackAnswer)} for a method whose annotations give
   * it no fallback: the call never falls back.
   */
  public <T> T afterFailure(Throwable failure, Attempt<T> body) {
    return finish(failure, body, null);
  }

  private <T> T finish(Throwable failure, Attempt<T> body, FallbackAnswer<T> fallback) {
    try {
      if (admitted()) { // a refused call is never retried
        long retryingSince = retryStartTime();
        for (int attempt = 0; retryAfter(failure, attempt, retryingSince); attempt++) {
          try {
            return attempt(body);
          } catch (Throwable next) {
            failure = next;
          }
        }
      }
    } finally {
      leaveCall(); // the fallback runs outside LeaderOnly
    }
    if (fallback != null && fallsBackOn(failure)) {
      try {
        return fallback.answer(failure);
      } catch (Throwable fallbackFailure) {
        throw propagate(fallbackFailure);
      }
    }
    throw propagate(failure);
  }

  /** One more attempt of {@code body}, as generated code runs the first, in the call's admission. */
  private <T> T attempt(Attempt<T> body) throws Throwable {
    Permit permit = enterAttempt();
    T result;
    try {
      result = body.run();
    } catch (Throwable failure) {
      throw failed(permit, failure);
    }
    endAttempt(permit);
    return result;
  }

  /** The handler answers for any return type: its answer is the caller's to use as that type. */
  @SuppressWarnings("unchecked")
  private static <T> T uncheckedCast(Object answer) {
    return (T) answer;
  }

  private static CompletionStage<Object> asStage(Object answer) {
    return answer instanceof CompletionStage<?> ? uncheckedCast(answer) : CompletableFuture.completedFuture(answer);
  }

  /**
   * Decides whether to retry after attempt number {@code attempt} (0 for the first) failed with
   * {@code failure}, and if so sleeps the retry delay first.
   *
   * @param retryingSince what {@link #retryStartTime()} returned after the first failure of this call
   * @return true to run the next attempt now; false when there is no retry to make (or the
   *     thread was interrupted during the delay, whose interrupt flag is then kept)
   */
  boolean retryAfter(Throwable failure, int attempt, long retryingSince) {
    long pause = retryDelayNanos(failure, attempt, retryingSince);
    if (pause <= 0) {
      // Without a pause there is no sleep to notice an interrupt: look for one here.
      return pause == 0 && !Thread.currentThread().isInterrupted();
    }
    try {
      TimeUnit.NANOSECONDS.sleep(pause);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(interrupted);
      return false;
    }
  }

  /**
   * The instant {@code Retry.maxDuration} counts from, taken after the first failure of a call
   * and passed to {@link #retryAfter}: {@link System#nanoTime()} when these policies retry with a
   * maximum duration, else 0 without reading the clock.
   */
  long retryStartTime() {
    return retry != null && retry.hasMaxDuration() ? System.nanoTime() : 0L;
  }

  /** True when the fallback applies to {@code failure}; tells the listeners that it does. */
  boolean fallsBackOn(Throwable failure) {
    if (fallback == null || !fallback.appliesTo(failure)) {
      return false;
    }
    notifyListeners(listener -> listener.onFallback(method, failure));
    return true;
  }

  /**
   * Calls the fallback handler for a call with {@code arguments} that failed with {@code failure}:
   * the {@link FallbackAnswer} of a method whose fallback is a handler.
   */
  public Object handleFallback(Throwable failure, Object... arguments) {
    FallbackHandler<?> handler = fallback == null ? null : fallback.handlerOrNull();
    if (handler == null) {
      throw new IllegalStateException("the fallback of " + method + " has no handler");
    }
    return handler.handle(new FailedCall(method, arguments, failure));
  }

  /**
   * Throws {@code failure} unchanged, even a checked exception the caller does not declare; the
   * return type only lets callers write {@code throw propagate(failure)}. For failures that can
   * only be the body's own (declared) exceptions or unchecked ones.
   */
  public static RuntimeException propagate(Throwable failure) {
    throw FaultTolerance.<RuntimeException>sneakyThrow(failure);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }

  // ---------------------------------------------------------------- listeners

  /** Adds a listener to these policies. */
  public void addListener(FaultToleranceListener listener) {
    synchronized (this) {
      FaultToleranceListener[] current = listeners;
      FaultToleranceListener[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = listener;
      listeners = next;
    }
  }

  /** Removes a listener added before; does nothing if it was not there. */
  public void removeListener(FaultToleranceListener listener) {
    synchronized (this) {
      listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(FaultToleranceListener[]::new);
    }
  }

  // ---------------------------------------------------------------- shared with the async path

  /** The election of {@code @LeaderOnly}, or null without that policy. */
  LeaderGate leaderGate() {
    return leaderGate;
  }

  CircuitBreakerState breakerState() {
    return breaker;
  }

  Permit acquireBreaker() {
    return breaker == null ? FREE : breaker.acquire();
  }

  BulkheadState bulkheadState() {
    return bulkhead;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  void recordOutcome(Permit permit, Throwable failureOrNull) {
    if (breaker != null) {
      breaker.record(breakerPermit(permit), failureOrNull);
    }
  }

  /** Gives back what {@code permit} holds for an attempt that never ran (a half-open trial). */
  void abandonPermit(Permit permit) {
    if (breaker != null) {
      breaker.giveBack(breakerPermit(permit));
    }
  }

  /** The permit the circuit breaker gave, inside a timed permit or as itself. */
  private static Permit breakerPermit(Permit permit) {
    return permit instanceof TimedPermit ? ((TimedPermit) permit).breakerPermit() : permit;
  }

  Executor asyncExecutor() {
    return asyncExecutor;
  }

  void onTimeout(TimeoutExceededException timeout) {
    notifyListeners(listener -> listener.onTimeout(method, timeout));
  }

  /** The pause before the next attempt, or -1 for none; tells the listeners about a retry. */
  long retryDelayNanos(Throwable failure, int attempt, long retryingSince) {
    if (retry == null) {
      return -1;
    }
    long pause = retry.nextDelayNanos(failure, attempt + 1, retryingSince);
    if (pause >= 0) {
      notifyListeners(listener -> listener.onRetry(method, attempt + 1, failure, pause));
    }
    return pause;
  }

  void onRejected(FaultToleranceException rejection) {
    if (rejection instanceof BulkheadFullException && bulkhead != null) {
      bulkhead.countRejection();
    }
    notifyListeners(listener -> listener.onRejected(method, rejection));
  }

  void onStateChange(CircuitState from, CircuitState to) {
    notifyListeners(listener -> listener.onStateChange(method, from, to));
  }

  /** Also notifies {@code shared}, the listeners of the registry that holds these policies. */
  void shareListeners(List<FaultToleranceListener> shared) {
    this.sharedListeners = shared;
  }

  private void notifyListeners(Consumer<FaultToleranceListener> event) {
    for (FaultToleranceListener listener : listeners) {
      notifyListener(listener, event);
    }
    for (FaultToleranceListener listener : sharedListeners) {
      notifyListener(listener, event);
    }
  }

  /**
   * Listeners run after the state they report is settled, so that even an {@code Error} thrown by
   * one cannot leave a slot taken or an outcome unrecorded; it is logged, except for
   * {@link VirtualMachineError}s, which are rethrown.
   */
  private void notifyListener(FaultToleranceListener listener, Consumer<FaultToleranceListener> event) {
    try {
      event.accept(listener);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.WARNING, "[posa4j] a listener of " + method + " threw; ignored", e);
    }
  }

  private void releaseSlot() {
    if (bulkhead != null) {
      bulkhead.release();
    }
  }

  @Override
  public String toString() {
    return method + " " + policies;
  }

  /** Collects the policies of one method; {@link #build()} checks every attribute. */
  public static final class Builder {
    private final String method;
    private CircuitBreakerPolicy circuitBreaker;
    private RetryPolicy retry;
    private TimeoutPolicy timeout;
    private BulkheadPolicy bulkhead;
    private FallbackPolicy fallback;
    private LeaderOnlyPolicy leaderOnly;
    private Executor asyncExecutor = ForkJoinPool.commonPool();
    private final List<FaultToleranceListener> listeners = new ArrayList<>();

    private Builder(String method) {
      this.method = method;
    }

    /** Adds a circuit breaker. */
    public Builder circuitBreaker(CircuitBreakerPolicy circuitBreaker) {
      this.circuitBreaker = circuitBreaker;
      return this;
    }

    /** Adds a retry. */
    public Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    /** Adds a timeout. */
    public Builder timeout(TimeoutPolicy timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Adds a bulkhead. */
    public Builder bulkhead(BulkheadPolicy bulkhead) {
      this.bulkhead = bulkhead;
      return this;
    }

    /** Adds a fallback. */
    public Builder fallback(FallbackPolicy fallback) {
      this.fallback = fallback;
      return this;
    }

    /**
     * Runs calls only while this process leads the policy's election, checked once per call
     * inside the fallback and outside every other policy; a refused call throws the
     * {@code NotLeaderException} of {@code io.github.posa4j.leader}. The election is joined on
     * the first call, at the URL configured under {@code posa4j.election.<name>.url}, unless this
     * process already is a member.
     */
    public Builder leaderOnly(LeaderOnlyPolicy leaderOnly) {
      this.leaderOnly = leaderOnly;
      return this;
    }

    /**
     * Where asynchronous calls continue off the caller's thread: delayed retries, calls that waited
     * in the bulkhead's queue, and what follows a timeout (fallback, completing the caller's
     * future). Default: {@link ForkJoinPool#commonPool()}.
     */
    public Builder asyncExecutor(Executor asyncExecutor) {
      this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor");
      return this;
    }

    /** Adds a listener. */
    public Builder listener(FaultToleranceListener listener) {
      this.listeners.add(listener);
      return this;
    }

    /**
     * The composed policies.
     *
     * @throws InvalidPolicyException naming the method, attribute, value and allowed range when
     *     an attribute is out of range
     */
    public FaultTolerance build() {
      return new FaultTolerance(this);
    }
  }
}
