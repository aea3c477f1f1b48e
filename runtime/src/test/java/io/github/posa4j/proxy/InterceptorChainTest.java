package io.github.posa4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The chain generated proxies call: order (first given outermost), pass-through of results,
 * arguments and exceptions, answering without proceeding, proceeding twice.
 */
class InterceptorChainTest {

  interface Catalog {
    String find(String id) throws IOException;
  }

  static final MethodDescriptor FIND = MethodDescriptor.of(Catalog.class, "find", String.class,
      List.of(String.class), List.of(IOException.class));

  private final AtomicInteger targetCalls = new AtomicInteger();
  private final Catalog target = id -> {
    targetCalls.incrementAndGet();
    if (id.equals("broken")) {
      throw new IOException("disk");
    }
    return "item " + id;
  };

  /** What a generated proxy's method does. */
  private String find(InterceptorChain chain, String id) throws Throwable {
    return (String) chain.invoke(FIND, target, new Object[] {id}, (t, a) -> ((Catalog) t).find((String) a[0]));
  }

  @Test
  void anEmptyChainCallsTheTarget() throws Throwable {
    assertThat(find(InterceptorChain.of(), "1")).isEqualTo("item 1");
    assertThat(targetCalls).hasValue(1);
  }

  @Test
  void theFirstInterceptorGivenIsOutermost() throws Throwable {
    List<String> trace = new ArrayList<>();
    Interceptor outer = named("outer", trace);
    Interceptor inner = named("inner", trace);

    assertThat(find(InterceptorChain.of(outer, inner), "7")).isEqualTo("item 7");
    assertThat(trace).containsExactly("outer before", "inner before", "inner after", "outer after");
  }

  @Test
  void interceptorsSeeTheMethodTargetAndArgumentsAndMayChangeThem() throws Throwable {
    Interceptor rewrite = invocation -> {
      assertThat(invocation.method()).isSameAs(FIND);
      assertThat(invocation.target()).isSameAs(target);
      invocation.arguments()[0] = "rewritten";
      return invocation.proceed();
    };

    assertThat(find(InterceptorChain.of(rewrite), "original")).isEqualTo("item rewritten");
  }

  @Test
  void anInterceptorMayAnswerWithoutProceedingOrProceedTwice() throws Throwable {
    assertThat(find(InterceptorChain.of(invocation -> "cached"), "1")).isEqualTo("cached");
    assertThat(targetCalls).hasValue(0);

    Interceptor twice = invocation -> {
      invocation.proceed();
      return invocation.proceed();
    };
    assertThat(find(InterceptorChain.of(twice, invocation -> invocation.proceed()), "2")).isEqualTo("item 2");
    assertThat(targetCalls).hasValue(2);
  }

  @Test
  void exceptionsPassUnchanged() {
    IllegalStateException fromInterceptor = new IllegalStateException("refused");
    assertThatThrownBy(() -> find(InterceptorChain.of(invocation -> invocation.proceed()), "broken"))
        .isInstanceOf(IOException.class).hasMessage("disk");
    assertThatThrownBy(() -> find(InterceptorChain.of(invocation -> {
      throw fromInterceptor;
    }), "1")).isSameAs(fromInterceptor);
  }

  @Test
  void descriptorsKnowWhatMayReachTheCallerUnchanged() {
    assertThat(FIND.mayThrow(new IOException())).isTrue();
    assertThat(FIND.mayThrow(new java.io.FileNotFoundException())).isTrue();
    assertThat(FIND.mayThrow(new IllegalStateException())).isTrue();
    assertThat(FIND.mayThrow(new AssertionError())).isTrue();
    assertThat(FIND.mayThrow(new Exception("undeclared"))).isFalse();
    assertThat(FIND).hasToString("Catalog.find(String)")
        .isEqualTo(MethodDescriptor.of(Catalog.class, "find", String.class, List.of(String.class), List.of()))
        .isNotEqualTo(MethodDescriptor.of(Catalog.class, "find", String.class, List.of(Object.class), List.of()));
  }

  @Test
  void aNullInterceptorIsRejectedWhenTheChainIsMade() {
    assertThatThrownBy(() -> InterceptorChain.of(invocation -> null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("interceptor 1 is null");
  }

  private static Interceptor named(String name, List<String> trace) {
    return invocation -> {
      trace.add(name + " before");
      Object result = invocation.proceed();
      trace.add(name + " after");
      return result;
    };
  }
}
