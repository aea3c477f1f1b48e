package io.github.posa4j.proxy;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of interceptors, the first given outermost: what a generated proxy runs each
 * call through. An empty chain calls the target directly.
 */
public final class InterceptorChain {
  private static final InterceptorChain EMPTY = new InterceptorChain(new Interceptor[0]);

  private final Interceptor[] interceptors;

  private InterceptorChain(Interceptor[] interceptors) {
    this.interceptors = interceptors;
  }

  /** The chain of {@code interceptors}, first given outermost. */
  public static InterceptorChain of(Interceptor... interceptors) {
    if (interceptors.length == 0) {
      return EMPTY;
    }
    Interceptor[] copy = interceptors.clone();
    for (int i = 0; i < copy.length; i++) {
      Objects.requireNonNull(copy[i], "interceptor " + i + " is null");
    }
    return new InterceptorChain(copy);
  }

  /**
   * Rethrows {@code failure} from a call of {@code method} the way {@code java.lang.reflect.Proxy}
   * does: unchanged when it is unchecked or declared by the method, wrapped in
   * {@link UndeclaredThrowableException} otherwise. The return type only lets generated code
   * write {@code throw InterceptorChain.rethrow(e, METHOD)}.
   */
  public static RuntimeException rethrow(Throwable failure, MethodDescriptor method) {
    if (method.mayThrow(failure)) {
      throw InterceptorChain.<RuntimeException>sneakyThrow(failure);
    }
    throw new UndeclaredThrowableException(failure, "undeclared " + failure + " from an interceptor of " + method);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /** The number of interceptors. */
  public int size() {
    return interceptors.length;
  }

  /** Interceptor number {@code position}, 0 being the outermost. */
  public Interceptor interceptorAt(int position) {
    return interceptors[position];
  }

  /** The interceptors, outermost first. */
  public List<Interceptor> interceptors() {
    return List.of(interceptors);
  }

  /**
   * Runs one call of {@code method} with {@code arguments} through the chain to {@code target},
   * where {@code call} invokes it. Exceptions pass unchanged; the generated proxy wraps undeclared
   * checked ones.
   */
  public Object invoke(MethodDescriptor method, Object target, Object[] arguments, TargetMethod call)
      throws Throwable {
    if (interceptors.length == 0) {
      return call.invoke(target, arguments);
    }
    return new ArrayInvocation(this, 0, method, target, arguments, call).run();
  }

  /** A call given as a descriptor, an argument array and a {@link TargetMethod}. */
  private static final class ArrayInvocation extends MethodInvocation {
    private final MethodDescriptor method;
    private final Object target;
    private final Object[] arguments;
    private final TargetMethod call;

    ArrayInvocation(InterceptorChain chain, int position, MethodDescriptor method, Object target,
        Object[] arguments, TargetMethod call) {
      super(chain, position);
      this.method = method;
      this.target = target;
      this.arguments = arguments;
      this.call = call;
    }

    @Override
    public MethodDescriptor method() {
      return method;
    }

    @Override
    public Object target() {
      return target;
    }

    @Override
    protected Object[] argumentArray() {
      return arguments;
    }

    @Override
    protected Object invokeTarget() throws Throwable {
      return call.invoke(target, arguments);
    }

    @Override
    protected Object invokeTarget(Object[] changed) throws Throwable {
      return call.invoke(target, changed);
    }

    @Override
    protected MethodInvocation at(InterceptorChain chain, int position) {
      return new ArrayInvocation(chain, position, method, target, arguments, call);
    }
  }
}
