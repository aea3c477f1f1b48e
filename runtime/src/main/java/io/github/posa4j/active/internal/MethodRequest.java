package io.github.posa4j.active.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One call of a servant method, waiting in an active object's queue (the Method Request of
 * POSA2): the arguments of the call, an optional guard, and the future the caller holds, which is
 * this request itself, so that a call costs one object.
 *
 * <p>Generated {@code <Name>ActiveObject} classes declare one subclass per servant method:
 *
 * <pre>{@code
 * private static final class DepositRequest extends MethodRequest<Account, Void> {
 *   private final long amount;
 *
 *   DepositRequest(long amount) {
 *     this.amount = amount;
 *   }
 *
 *   @Override
 *   protected void execute(Account servant) {
 *     servant.deposit(amount);
 *     complete(null);
 *   }
 * }
 * }</pre>
 *
 * <p>Completing or cancelling the future before the request starts withdraws the request: the
 * scheduler skips it. Once it has started, the servant method runs to its end. A request is
 * submitted once; submitting the same instance again corrupts the queue.
 *
 * @param <S> the servant type
 * @param <R> the result type of the call
 */
public abstract class MethodRequest<S, R> extends CompletableFuture<R> {
  /** The next request in the activation queue; owned by the queue. */
  MethodRequest<S, ?> next;
  /** When it started waiting for its guard, in the queue's count; owned by the queue. */
  int waitingSince;

  /** For subclasses. */
  protected MethodRequest() {}

  /**
   * Whether this request may run now: a {@link io.github.posa4j.annotation.Guard @Guard}
   * condition of the servant. A request whose guard is false waits in the queue and is examined
   * again after each executed request; requests behind it run meanwhile. If the guard throws, the
   * request fails with that exception. Always true unless overridden.
   */
  protected boolean guard(S servant) {
    return true;
  }

  /**
   * Identifies the condition {@link #guard} tests: requests with equal keys get the same answer
   * from it, so that of many waiting requests with one key only the oldest is examined, and the
   * others wait behind it in order. The default, the request's class, is right for guards that
   * depend only on the servant, as generated ones do; override it for a guard that also reads
   * the request's own fields.
   */
  protected Object guardKey() {
    return getClass();
  }

  /**
   * Calls the servant method with this request's arguments, on the active object's thread, and
   * completes this future with its result; {@link #completeWith} for a method that returns a
   * {@link CompletionStage}. A throwable escaping from here completes this future exceptionally.
   */
  protected abstract void execute(S servant) throws Throwable;

  /** Completes this future as {@code stage} completes: with its value, or with its failure. */
  protected final void completeWith(CompletionStage<? extends R> stage) {
    if (stage == null) {
      completeExceptionally(new NullPointerException(getClass().getSimpleName()
          + ": the servant method returned null instead of a CompletionStage"));
      return;
    }
    stage.whenComplete((value, failure) -> {
      if (failure == null) {
        complete(value);
      } else {
        completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure);
      }
    });
  }
}
