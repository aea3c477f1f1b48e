package io.github.posa4j.agent;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The advice woven around a method returning a {@code CompletionStage}: the call goes to the
 * runtime's asynchronous path, which runs each attempt by calling the method again; for those
 * calls the advice steps aside and the body runs. The caller is never blocked and gets a failed
 * stage, never an exception, for a policy.
 */
final class AsyncAdvice {
  private AsyncAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
  static boolean enter() {
    return !Woven.stepsAside();
  }

  @Advice.OnMethodExit
  static void exit(@WovenId int id,
      @Advice.Enter boolean intercepted,
      @Advice.Origin Class<?> type,
      @Advice.This(optional = true) Object self,
      @Advice.AllArguments Object[] arguments,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
    if (intercepted) {
      returned = Woven.callAsync(id, type, self, arguments);
    }
  }
}
