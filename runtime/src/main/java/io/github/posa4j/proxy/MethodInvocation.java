package io.github.posa4j.proxy;

/**
 * The base of the invocation classes a generated proxy declares, one per method, with the
 * arguments in typed fields. Nothing is boxed and no argument array exists unless an interceptor
 * asks for {@link #arguments()}, so that the JIT can often remove the invocation altogether.
 *
 * <p>Not for application code: interceptors see it only as an {@link Invocation}.
 */
public abstract class MethodInvocation implements Invocation {
  private final InterceptorChain chain;
  private final int position;
  private Object[] arguments;

  /** An invocation about to reach interceptor number {@code position} of {@code chain}. */
  protected MethodInvocation(InterceptorChain chain, int position) {
    this.chain = chain;
    this.position = position;
  }

  /** Runs the call through the chain from this invocation's interceptor on. */
  public final Object run() throws Throwable {
    return chain.interceptorAt(position).intercept(this);
  }

  @Override
  public final Object[] arguments() {
    Object[] current = arguments;
    if (current == null) {
      current = argumentArray();
      arguments = current;
    }
    return current;
  }

  @Override
  public final Object proceed() throws Throwable {
    int next = position + 1;
    if (next == chain.size()) {
      return arguments == null ? invokeTarget() : invokeTarget(arguments);
    }
    MethodInvocation following = at(chain, next);
    following.arguments = arguments; // an interceptor's changes reach the rest of the chain
    return following.run();
  }

  /** The arguments, boxed into a new array. */
  protected abstract Object[] argumentArray();

  /** Calls the target with the arguments of the typed fields. */
  protected abstract Object invokeTarget() throws Throwable;

  /** Calls the target with {@code arguments}, which an interceptor may have changed. */
  protected abstract Object invokeTarget(Object[] arguments) throws Throwable;

  /** The same call, about to reach interceptor number {@code position}. */
  protected abstract MethodInvocation at(InterceptorChain chain, int position);

  @Override
  public String toString() {
    return method() + java.util.Arrays.toString(arguments());
  }
}
