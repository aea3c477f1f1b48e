package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.github.posa4j.processor.fixtures.Catalog;
import io.github.posa4j.proxy.AccessDeniedException;
import io.github.posa4j.proxy.AccessPolicy;
import io.github.posa4j.proxy.Interceptor;
import io.github.posa4j.proxy.Interceptors;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code CatalogProxy}, compiled by the processor and loaded: forwarding of every
 * kind of method, interceptor order, exceptions as with {@code java.lang.reflect.Proxy}, the lazy
 * factory called once under 16 threads and retried after a failure, protection, and
 * {@code Object}'s {@code equals} and {@code hashCode}.
 */
class ProxyBehaviourTest {
  private static Class<?> proxyClass;

  @BeforeAll
  static void compileTheProxy() throws Exception {
    Compilation compilation = Compiler.compile(ProxySources.fixture("Catalog"));
    assertThat(compilation).succeededWithoutWarnings();
    proxyClass = Compiler.classLoader(compilation).loadClass("io.github.posa4j.processor.fixtures.CatalogProxy");
  }

  @SuppressWarnings("unchecked")
  private static Catalog<String> intercept(Catalog<String> target, Interceptor... interceptors) throws Exception {
    return (Catalog<String>) proxyClass.getMethod("intercept", Catalog.class, Interceptor[].class)
        .invoke(null, target, interceptors);
  }

  @SuppressWarnings("unchecked")
  private static Catalog<String> lazy(Supplier<Catalog<String>> factory) throws Exception {
    return (Catalog<String>) proxyClass.getMethod("lazy", Supplier.class).invoke(null, factory);
  }

  /** A target that records what it receives. */
  static final class Shelf implements Catalog<String> {
    final List<String> calls = new ArrayList<>();

    @Override
    public String find(String id) throws IOException {
      calls.add("find " + id);
      if (id.equals("missing")) {
        throw new IOException("no " + id);
      }
      return "item " + id;
    }

    @Override
    public void put(String id, String... items) {
      calls.add("put " + id + " " + Arrays.toString(items));
    }

    @Override
    public int size() {
      return 3;
    }

    @Override
    public List<String> keys() {
      return List.of("overridden");
    }

    @Override
    public <T> T convert(String id, Class<T> type) {
      return type.cast(id.length());
    }
  }

  @Test
  void everyKindOfMethodIsForwardedWithOrWithoutInterceptors() throws Exception {
    AtomicInteger intercepted = new AtomicInteger();
    for (Interceptor[] interceptors : List.of(new Interceptor[0],
        new Interceptor[] {invocation -> {
          intercepted.incrementAndGet();
          return invocation.proceed();
        }})) {
      Shelf shelf = new Shelf();
      Catalog<String> catalog = intercept(shelf, interceptors);

      assertThat(catalog.find("1")).isEqualTo("item 1");
      catalog.put("2", "a", "b");
      assertThat(catalog.size()).isEqualTo(3);
      assertThat(catalog.keys()).as("a default method reaches the target's override").containsExactly("overridden");
      assertThat(catalog.convert("four", Integer.class)).isEqualTo(4);
      assertThat(shelf.calls).containsExactly("find 1", "put 2 [a, b]");
    }
    assertThat(intercepted).hasValue(5);
  }

  @Test
  void interceptorsRunFirstGivenOutermostAndSeeTheMethod() throws Exception {
    List<String> trace = new ArrayList<>();
    Interceptor outer = invocation -> {
      trace.add("outer " + invocation.method());
      return invocation.proceed();
    };
    Interceptor inner = invocation -> {
      trace.add("inner " + invocation.method().name());
      return invocation.proceed();
    };

    intercept(new Shelf(), outer, inner).find("x");

    assertThat(trace).containsExactly("outer Catalog.find(Comparable)", "inner find");
  }

  @Test
  void argumentsChangedByAnInterceptorReachTheRestOfTheChainAndTheTarget() throws Exception {
    List<String> seenByInner = new ArrayList<>();
    Interceptor rewrite = invocation -> {
      invocation.arguments()[0] = "rewritten";
      return invocation.proceed();
    };
    Interceptor inner = invocation -> {
      seenByInner.add((String) invocation.arguments()[0]);
      return invocation.proceed();
    };
    Shelf shelf = new Shelf();

    assertThat(intercept(shelf, rewrite, inner).find("original")).isEqualTo("item rewritten");
    assertThat(seenByInner).containsExactly("rewritten");
    assertThat(shelf.calls).containsExactly("find rewritten");
  }

  @Test
  void anInterceptorMayProceedTwiceOrNotAtAll() throws Exception {
    Shelf shelf = new Shelf();
    Interceptor twice = invocation -> {
      invocation.proceed();
      return invocation.proceed();
    };
    assertThat(intercept(shelf, twice, invocation -> invocation.proceed()).find("2")).isEqualTo("item 2");
    assertThat(shelf.calls).containsExactly("find 2", "find 2");
    assertThat(intercept(shelf, invocation -> "cached").find("3")).isEqualTo("cached");
    assertThat(shelf.calls).hasSize(2);
  }

  @Test
  void exceptionsBehaveAsWithReflectProxies() throws Exception {
    Catalog<String> plain = intercept(new Shelf(), invocation -> invocation.proceed());
    assertThatThrownBy(() -> plain.find("missing")).isInstanceOf(IOException.class).hasMessage("no missing");

    IllegalStateException unchecked = new IllegalStateException("unchecked");
    assertThatThrownBy(() -> intercept(new Shelf(), invocation -> {
      throw unchecked;
    }).size()).isSameAs(unchecked);

    Exception undeclared = new Exception("undeclared");
    assertThatThrownBy(() -> intercept(new Shelf(), invocation -> {
      throw undeclared;
    }).size()).isInstanceOf(UndeclaredThrowableException.class).hasCause(undeclared);
  }

  @Test
  void theLazyFactoryRunsOnceUnderSixteenThreads() throws Exception {
    AtomicInteger created = new AtomicInteger();
    Catalog<String> catalog = lazy(() -> {
      created.incrementAndGet();
      return new Shelf();
    });
    assertThat(catalog.toString()).contains("not created yet");
    assertThat(created).hasValue(0);

    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<Integer>> sizes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        sizes.add(pool.submit(() -> {
          start.await();
          return catalog.size();
        }));
      }
      for (Future<Integer> size : sizes) {
        assertThat(size.get(10, TimeUnit.SECONDS)).isEqualTo(3);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(created).hasValue(1);
  }

  @Test
  void aFailingFactoryReachesTheCallerAndIsTriedAgain() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    IllegalStateException down = new IllegalStateException("catalogue service down");
    Catalog<String> catalog = lazy(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw down;
      }
      return new Shelf();
    });

    assertThatThrownBy(catalog::size).isSameAs(down);
    assertThat(catalog.size()).isEqualTo(3);
    assertThat(attempts).hasValue(2);
  }

  /**
   * {@code equals} and {@code hashCode} are {@code Object}'s, for lazy and intercepting proxies
   * alike: a proxy equals only itself (not its target, not another proxy of the same target), its
   * hash code is its identity hash code, and neither creates a lazy target.
   */
  @Test
  void aProxyEqualsOnlyItselfAndHashesByIdentity() throws Exception {
    Shelf shelf = new Shelf();
    AtomicInteger created = new AtomicInteger();
    Supplier<Catalog<String>> factory = () -> {
      created.incrementAndGet();
      return shelf;
    };
    List<Catalog<String>> proxies = List.of(intercept(shelf), intercept(shelf, invocation -> invocation.proceed()),
        lazy(factory), lazy(factory));

    for (Catalog<String> proxy : proxies) {
      assertThat(proxy.equals(proxy)).as("%s equals itself", proxy).isTrue();
      assertThat(proxy.equals(shelf)).as("%s equals its target", proxy).isFalse();
      for (Catalog<String> other : proxies) {
        if (other != proxy) {
          assertThat(proxy.equals(other)).as("%s equals another proxy of the same target", proxy).isFalse();
        }
      }
      assertThat(proxy.hashCode()).isEqualTo(System.identityHashCode(proxy));
    }
    assertThat(created).as("lazy targets created").hasValue(0);
    assertThat(proxies.get(2).size()).isEqualTo(3); // creates the first lazy proxy's target
    assertThat(proxies.get(2).equals(proxies.get(3))).isFalse();
    assertThat(proxies.get(2).hashCode()).isEqualTo(System.identityHashCode(proxies.get(2)));
  }

  @Test
  void aProtectionProxyRefusesWhatItsPolicyDenies() throws Exception {
    Shelf shelf = new Shelf();
    Catalog<String> readOnly = intercept(shelf, Interceptors.protection(AccessPolicy.onlyMethodsNamed("find", "size")));

    assertThat(readOnly.find("1")).isEqualTo("item 1");
    assertThatThrownBy(() -> readOnly.put("2", "a"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("access to Catalog.put(Comparable,String[]) denied");
    assertThat(shelf.calls).containsExactly("find 1");
  }
}
