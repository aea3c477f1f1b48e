package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.internal.Permit;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The advice woven around a synchronous method of a class already loaded: the first attempt of
 * the runtime's call protocol, inline, with the method's own body as the protected call. Entering
 * asks the breaker and the bulkhead; a refusal skips the body. Leaving records the outcome; a
 * failure goes to {@link Woven#afterFailure}, which retries by calling the method again (its
 * advice then steps aside), answers with the fallback, or rethrows:
 *
 * <pre>{@code
 * permit = policies.enter()                       // refused: skip the body
 * <body>
 * policies.succeeded(permit) / failed(permit, thrown)
 * on failure: returned = Woven.afterFailure(...)  // or thrown = what the call ends with
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
    if (Woven.stepsAside()) {
      return false; // posa4j runs the body again for a retry; policies stays null
    }
    policies = Woven.policies(id, type);
    try {
      permit = policies.enter();
      return false;
    } catch (Throwable refusal) {
      refused = refusal;
      return true;
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class)
  static void exit(@WovenId int id,
      @Advice.Origin Class<?> type,
      @Advice.This(optional = true) Object self,
      @Advice.AllArguments Object[] arguments,
      @Advice.Local("policies") FaultTolerance policies,
      @Advice.Local("permit") Permit permit,
      @Advice.Local("refused") Throwable refused,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown(readOnly = false) Throwable thrown) {
    if (policies == null) {
      return;
    }
    Throwable failure;
    if (permit == null) {
      failure = refused;
    } else if (thrown == null) {
      try {
        policies.succeeded(permit);
        return;
      } catch (Throwable timeout) {
        failure = timeout;
      }
    } else {
      failure = policies.failed(permit, thrown);
    }
    try {
      returned = Woven.afterFailure(id, type, self, arguments, failure);
      thrown = null;
    } catch (Throwable last) {
      thrown = last;
    }
  }
}
