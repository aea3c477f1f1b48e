package io.github.posa4j.benchmarks;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;

import io.github.posa4j.proxy.Interceptor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.implementation.bind.annotation.Pipe;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call of {@link PriceList#price(int)} through each kind of proxy: the generated
 * {@code PriceListProxy} (from {@code @Proxy}) next to a hand-written delegating class,
 * {@code java.lang.reflect.Proxy} and Byte Buddy.
 *
 * <p>Every benchmark calls {@code price(sku++)}: the argument changes at each call, so the JIT
 * cannot fold the call into a constant, and a proxy that boxes the argument or the result cannot
 * take the boxes from the {@code Integer}/{@code Long} caches (almost every value is outside
 * -128..127). The result is returned, so JMH consumes it. The target is always the same
 * {@link PriceTable}; every proxy is built once, in {@link #setUp()}, which also checks that each
 * returns what the target returns. JMH runs each benchmark method in its own fork, so each call
 * site sees one proxy class only.
 *
 * <ul>
 *   <li>{@link #direct}: the target itself, no proxy: the baseline.
 *   <li>{@link #handWritten}: {@link DelegatingPriceList}, a final class forwarding to a final
 *       field: what a developer would write; the reference for goal (a).
 *   <li>{@link #generated}: {@code PriceListProxy.intercept(target)} without interceptors: the
 *       generated proxy's direct path (volatile target read, empty-chain check, call).
 *   <li>{@link #generatedNoOpInterceptor}: {@code PriceListProxy.intercept(target, invocation ->
 *       invocation.proceed())}: the generated proxy's chain path with one interceptor that does
 *       nothing (arguments boxed into an {@code Object[]}, one {@code Invocation}, the result
 *       boxed and unboxed).
 *   <li>{@link #jdkProxy}: {@code java.lang.reflect.Proxy} with a no-op {@code InvocationHandler}
 *       ({@code method.invoke(target, args)}): the JDK's dynamic proxy, the usual way to put one
 *       interceptor in front of any interface.
 *   <li>{@link #byteBuddy}: a Byte Buddy class implementing {@code PriceList} whose method is
 *       {@code MethodCall.invokeSelf().on(target, PriceList.class).withAllArguments()}: the
 *       fastest idiomatic delegating form (Byte Buddy keeps the target in a {@code static volatile}
 *       field of the generated class and emits a plain {@code invokeinterface}, with no binding
 *       resolution, boxing or reflection); the runtime-generated counterpart of {@link #handWritten}.
 *   <li>{@link #byteBuddyNoOpInterceptor}: a Byte Buddy class whose method is delegated
 *       ({@code MethodDelegation}) to a generic {@code @RuntimeType} interceptor,
 *       {@link PipeInterceptor}, that proceeds to the target through a {@code @Pipe} forwarder
 *       and does nothing else. This is the fair counterpart of one no-op posa4j interceptor: like
 *       posa4j's {@code Interceptor} it is one object, written once for any method, that sees the
 *       call as an {@code Object}-returning invocation and decides to proceed to a separate
 *       target, without reflection. ({@code @SuperCall} would need the proxy to subclass the
 *       target's class, which is not a proxy in front of an existing object; {@code @Origin
 *       Method} with {@code @AllArguments} would be reflection again, as in the next one.)
 *   <li>{@link #byteBuddyInvocationHandler}: a Byte Buddy class whose method calls the same no-op
 *       {@code InvocationHandler} as {@link #jdkProxy}, through {@code InvocationHandlerAdapter}:
 *       Byte Buddy's way to reuse JDK-proxy handlers; shows the cost of the reflective handler
 *       apart from the JDK's proxy class.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ProxyBenchmark {
  private PriceTable target;
  private PriceList handWritten;
  private PriceList generated;
  private PriceList generatedNoOpInterceptor;
  private PriceList jdkProxy;
  private PriceList byteBuddy;
  private PriceList byteBuddyNoOpInterceptor;
  private PriceList byteBuddyInvocationHandler;
  private int sku;

  /** Builds every proxy around one target, and checks that each forwards correctly. */
  @Setup
  public void setUp() throws ReflectiveOperationException {
    target = new PriceTable(1_000, 7);
    handWritten = new DelegatingPriceList(target);
    generated = PriceListProxy.intercept(target);
    Interceptor noOp = invocation -> invocation.proceed();
    generatedNoOpInterceptor = PriceListProxy.intercept(target, noOp);

    InvocationHandler handler = new NoOpHandler(target);
    jdkProxy = (PriceList) java.lang.reflect.Proxy.newProxyInstance(
        PriceList.class.getClassLoader(), new Class<?>[] {PriceList.class}, handler);

    byteBuddy = new ByteBuddy()
        .subclass(PriceList.class)
        .method(isDeclaredBy(PriceList.class))
        .intercept(MethodCall.invokeSelf().on(target, PriceList.class).withAllArguments())
        .make()
        .load(PriceList.class.getClassLoader())
        .getLoaded()
        .getDeclaredConstructor()
        .newInstance();

    byteBuddyNoOpInterceptor = new ByteBuddy()
        .subclass(PriceList.class)
        .method(isDeclaredBy(PriceList.class))
        .intercept(MethodDelegation.withDefaultConfiguration()
            .withBinders(Pipe.Binder.install(Forwarder.class))
            .to(new PipeInterceptor(target)))
        .make()
        .load(PriceList.class.getClassLoader())
        .getLoaded()
        .getDeclaredConstructor()
        .newInstance();

    byteBuddyInvocationHandler = new ByteBuddy()
        .subclass(PriceList.class)
        .method(isDeclaredBy(PriceList.class))
        .intercept(InvocationHandlerAdapter.of(handler))
        .make()
        .load(PriceList.class.getClassLoader())
        .getLoaded()
        .getDeclaredConstructor()
        .newInstance();

    PriceList[] proxies = {handWritten, generated, generatedNoOpInterceptor, jdkProxy, byteBuddy,
        byteBuddyNoOpInterceptor, byteBuddyInvocationHandler};
    for (PriceList proxy : proxies) {
      for (int probe : new int[] {-1, 0, 1, 1_000_000}) {
        if (proxy.price(probe) != target.price(probe)) {
          throw new IllegalStateException(proxy.getClass() + " does not forward price(" + probe + ")");
        }
      }
    }
    sku = 1_000;
  }

  /** The target without proxy: the baseline. */
  @Benchmark
  public long direct() {
    return target.price(sku++);
  }

  /** A hand-written final delegating class. */
  @Benchmark
  public long handWritten() {
    return handWritten.price(sku++);
  }

  /** The generated proxy, {@code PriceListProxy.intercept(target)}, without interceptors. */
  @Benchmark
  public long generated() {
    return generated.price(sku++);
  }

  /** The generated proxy with one interceptor that only proceeds. */
  @Benchmark
  public long generatedNoOpInterceptor() {
    return generatedNoOpInterceptor.price(sku++);
  }

  /** {@code java.lang.reflect.Proxy} with a handler that only calls {@code method.invoke(target, args)}. */
  @Benchmark
  public long jdkProxy() {
    return jdkProxy.price(sku++);
  }

  /** Byte Buddy, {@code MethodCall.invokeSelf().on(target).withAllArguments()}: plain delegation. */
  @Benchmark
  public long byteBuddy() {
    return byteBuddy.price(sku++);
  }

  /** Byte Buddy, {@code MethodDelegation} to a no-op {@code @RuntimeType}/{@code @Pipe} interceptor. */
  @Benchmark
  public long byteBuddyNoOpInterceptor() {
    return byteBuddyNoOpInterceptor.price(sku++);
  }

  /** Byte Buddy, {@code InvocationHandlerAdapter} around the no-op handler of {@link #jdkProxy}. */
  @Benchmark
  public long byteBuddyInvocationHandler() {
    return byteBuddyInvocationHandler.price(sku++);
  }

  /** The no-op {@code InvocationHandler}: calls the target's method reflectively, unwraps its exception. */
  static final class NoOpHandler implements InvocationHandler {
    private final Object target;

    NoOpHandler(Object target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /**
   * What Byte Buddy's {@code @Pipe} binds: a generated object that repeats the intercepted call,
   * with its arguments, on the object given to {@link #to}.
   */
  public interface Forwarder<T, S> {
    /** Calls the intercepted method on {@code target}. */
    T to(S target);
  }

  /**
   * A no-op Byte Buddy interceptor, generic like a posa4j {@code Interceptor}: for any method, it
   * passes the call on to its target and returns the result as an {@code Object}.
   */
  public static final class PipeInterceptor {
    private final PriceList target;

    PipeInterceptor(PriceList target) {
      this.target = target;
    }

    /** Proceeds to the target; {@code @RuntimeType} lets Byte Buddy unbox the result. */
    @RuntimeType
    public Object intercept(@Pipe Forwarder<Object, PriceList> forwarder) {
      return forwarder.to(target);
    }
  }
}
