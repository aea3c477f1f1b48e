package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.Permit;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The advice woven around a synchronous method: the runtime's enter/exit loop, with the method's
 * own body as the protected call. Entering asks the breaker and the bulkhead; a refusal skips the
 * body. Leaving records the outcome, and on failure either repeats the body in place (retry),
 * answers with the fallback, or rethrows. It reads like the loop a generated decorator runs:
 *
 * <pre>{@code
 * permit = policies.enter()            // refused: skip the body
 * <body>
 * policies.succeeded(permit) / failed(permit, thrown)
 * permit = retrying.retry(failure)     // a permit: run the body again
 * fallback, or rethrow
 * }</pre>
 */
final class SyncAdvice {
  private SyncAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
  static boolean enter(@WovenId int id,
      @Advice.Origin Class<?> type,
      @Advice.Local("policies") FaultTolerance policies,
      @Advice.Local("permit") Permit permit,
      @Advice.Local("refused") Throwable refused) {
    policies = Woven.policies(id, type);
    try {
      permit = policies.enter();
      return false;
    } catch (Throwable refusal) {
      refused = refusal;
      return true;
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, repeatOn = Advice.OnNonDefaultValue.class)
  static boolean exit(@WovenId int id,
      @Advice.Origin Class<?> type,
      @Advice.This(optional = true) Object self,
      @Advice.AllArguments Object[] arguments,
      @Advice.Local("policies") FaultTolerance policies,
      @Advice.Local("permit") Permit permit,
      @Advice.Local("refused") Throwable refused,
      @Advice.Local("retrying") WovenCall retrying,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown(readOnly = false) Throwable thrown) {
    Throwable failure;
    if (permit == null) {
      failure = refused;
    } else if (thrown == null) {
      try {
        policies.succeeded(permit);
        return false;
      } catch (Throwable timeout) {
        failure = timeout;
      }
    } else {
      failure = policies.failed(permit, thrown);
    }
    if (retrying == null) {
      retrying = Woven.retrying(id);
    }
    permit = retrying.retry(failure);
    if (permit != null) {
      thrown = null;
      return true;
    }
    failure = retrying.failure();
    if (policies.fallsBackOn(failure)) {
      try {
        returned = Woven.fallback(id, type, self, arguments, failure);
        thrown = null;
      } catch (Throwable fallbackFailure) {
        thrown = fallbackFailure;
      }
    } else {
      thrown = failure;
    }
    return false;
  }
}
