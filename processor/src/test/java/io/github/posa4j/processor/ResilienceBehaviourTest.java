package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.github.posa4j.processor.fixtures.PaymentApi;
import io.github.posa4j.processor.fixtures.PaymentClient;
import io.github.posa4j.processor.fixtures.Warehouse;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import io.github.posa4j.resilience.TimeoutExceededException;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated decorators, compiled by the processor and loaded: retry counts, checked
 * exceptions passing unchanged, fallback methods, the breaker opening, asynchronous retry and
 * timeout (for {@code CompletionStage} and {@code CompletableFuture}), a refused
 * {@code @LeaderOnly} call answered by its fallback, methods without annotations left alone, and
 * a class-level annotation protecting the public methods only.
 */
class ResilienceBehaviourTest {
  private static ClassLoader loader;

  private static Compilation compilation;

  @BeforeAll
  static void compileTheDecorators() {
    compilation = Compiler.compile(ProxySources.fixture("PaymentClient"), ProxySources.fixture("PaymentApi"),
        ProxySources.fixture("Warehouse"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = Compiler.classLoader(compilation);
  }

  private static PaymentClient client(int failuresBeforeSuccess) throws Exception {
    return (PaymentClient) loader.loadClass("io.github.posa4j.processor.fixtures.ResilientPaymentClient")
        .getConstructor(int.class).newInstance(failuresBeforeSuccess);
  }

  @SuppressWarnings("unchecked")
  private static <R> PaymentApi<R> wrap(PaymentApi<R> delegate) throws Exception {
    return (PaymentApi<R>) loader.loadClass("io.github.posa4j.processor.fixtures.ResilientPaymentApi")
        .getMethod("wrap", PaymentApi.class).invoke(null, delegate);
  }

  @Test
  void retriesUntilTheCallSucceeds() throws Exception {
    PaymentClient client = client(2);
    assertThat(client.charge("alice", 500)).isEqualTo("alice charged 500");
    assertThat(client.calls).hasValue(3);
  }

  @Test
  void aCheckedExceptionReachesTheCallerUnchangedOnceRetriesAreExhausted() throws Exception {
    PaymentClient client = client(100);
    assertThatThrownBy(() -> client.charge("bob", 1))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("payment service unavailable");
    assertThat(client.calls).as("1 call + maxRetries 3").hasValue(4);
  }

  @Test
  void theFallbackMethodAnswersAfterTheRetries() throws Exception {
    PaymentClient client = client(0);
    assertThat(client.authorize("carol")).isEqualTo("carol declined");
    assertThat(client.calls).hasValue(2);
  }

  @Test
  void theBreakerOpensAndThenFailsFastWithoutCallingTheBody() throws Exception {
    PaymentClient client = client(0);
    java.lang.reflect.Method refund = PaymentClient.class.getDeclaredMethod("refund", String[].class);
    refund.setAccessible(true);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> invoke(refund, client)).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> invoke(refund, client)).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(client.calls).hasValue(2);
  }

  @Test
  void asynchronousMethodsRetryWithoutBlocking() throws Exception {
    PaymentClient client = client(1);
    assertThat(client.chargeLater("dave").toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isEqualTo("dave charged later");
    assertThat(client.calls).hasValue(2);
  }

  @Test
  void aLeaderOnlyMethodOfAProcessThatCannotLeadFallsBackWithoutRunningTheBody() throws Exception {
    PaymentClient client = client(0); // no posa4j.election.payments.url: this process cannot even join
    assertThat(client.settle("alice")).isEqualTo("alice settles on the leader");
    assertThat(client.calls).hasValue(0);
  }

  @Test
  void methodsWithoutPoliciesAreNotOverridden() throws Exception {
    Class<?> decorator = loader.loadClass("io.github.posa4j.processor.fixtures.ResilientPaymentClient");
    assertThatThrownBy(() -> decorator.getDeclaredMethod("name")).isInstanceOf(NoSuchMethodException.class);
    assertThat(client(0).pending()).isZero();
  }

  @Test
  void anInterfaceDecoratorRetriesAndFallsBackToADefaultMethod() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    PaymentApi<String> api = wrap(new PaymentApi<String>() {
      @Override
      public String lookup(String id) throws IOException {
        if (lookups.incrementAndGet() < 3) {
          throw new IOException("not yet");
        }
        return "payment " + id;
      }

      @Override
      public List<String> history(String account, int limit) {
        throw new IllegalStateException("history is offline");
      }
    });

    assertThat(api.lookup("p-1")).isEqualTo("payment p-1");
    assertThat(lookups).hasValue(3);
    assertThat(api.history("erin", 10)).isEmpty();
  }

  private static Warehouse warehouse(Supplier<CompletableFuture<String>> quotes) throws Exception {
    return (Warehouse) loader.loadClass("io.github.posa4j.processor.fixtures.ResilientWarehouse")
        .getConstructor(Supplier.class).newInstance(quotes);
  }

  /**
   * A method returning {@code CompletableFuture} becomes a call of {@code callAsync}: the caller gets
   * a future at once; a failed future is retried, and the caller's future completes with the
   * retry's.
   */
  @Test
  void aMethodReturningCompletableFutureRetriesAFailedFutureWithoutBlocking() throws Exception {
    CompletableFuture<String> retried = new CompletableFuture<>();
    CountDownLatch retrying = new CountDownLatch(1);
    Queue<CompletableFuture<String>> quotes = new ConcurrentLinkedQueue<>(
        List.of(CompletableFuture.failedFuture(new IOException("no price yet")), retried));
    Warehouse warehouse = warehouse(() -> {
      CompletableFuture<String> next = quotes.remove();
      if (next == retried) {
        retrying.countDown();
      }
      return next;
    });

    CompletableFuture<String> quote = warehouse.quote("crate");

    assertThat(retrying.await(5, TimeUnit.SECONDS)).as("the failed future is retried").isTrue();
    assertThat(quote).isNotSameAs(retried).isNotDone();
    retried.complete("12 EUR");
    assertThat(quote.get(5, TimeUnit.SECONDS)).isEqualTo("12 EUR");
    assertThat(warehouse.calls).hasValue(2);
    assertThat(compilation.generatedSourceFile("io.github.posa4j.processor.fixtures.ResilientWarehouse").orElseThrow()
        .getCharContent(true).toString()).contains("return QUOTE.callAsync(() -> super.quote(item));");
  }

  /** A future that never completes is ended by the timeout, retried, and fails with the last timeout. */
  @Test
  void aMethodReturningCompletableFutureTimesOutWithoutBlocking() throws Exception {
    Warehouse warehouse = warehouse(CompletableFuture::new);

    CompletableFuture<String> delivery = warehouse.deliver("crate");

    assertThat(delivery).isNotDone();
    assertThatThrownBy(() -> delivery.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutExceededException.class);
    assertThat(warehouse.calls).as("1 call + maxRetries 2").hasValue(3);
  }

  /** {@code @Retry} on a class: its public methods are retried, its protected and package-private ones are not. */
  @Test
  void aClassLevelAnnotationProtectsThePublicMethodsOnly() throws Exception {
    Warehouse warehouse = warehouse(CompletableFuture::new);

    assertThatThrownBy(() -> warehouse.reserve("crate"))
        .isInstanceOf(IOException.class)
        .hasMessage("crate is out of stock");
    assertThat(warehouse.calls).as("public: 1 call + maxRetries 2").hasValue(3);

    warehouse.calls.set(0);
    assertThatThrownBy(() -> callDeclared(warehouse, "restock", "crate")).isInstanceOf(IOException.class);
    assertThat(warehouse.calls).as("protected: not retried").hasValue(1);

    warehouse.calls.set(0);
    assertThatThrownBy(() -> callDeclared(warehouse, "count", "crate")).isInstanceOf(IOException.class);
    assertThat(warehouse.calls).as("package-private: not retried").hasValue(1);

    Class<?> decorator = loader.loadClass("io.github.posa4j.processor.fixtures.ResilientWarehouse");
    assertThatThrownBy(() -> decorator.getDeclaredMethod("restock", String.class))
        .isInstanceOf(NoSuchMethodException.class);
    assertThatThrownBy(() -> decorator.getDeclaredMethod("count", String.class))
        .isInstanceOf(NoSuchMethodException.class);
  }

  /** Calls the method {@code name(String)} that {@link Warehouse} declares, whatever its access. */
  private static Object callDeclared(Warehouse target, String name, String argument) throws Throwable {
    java.lang.reflect.Method method = Warehouse.class.getDeclaredMethod(name, String.class);
    method.setAccessible(true);
    try {
      return method.invoke(target, argument);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void invoke(java.lang.reflect.Method method, Object target) throws Throwable {
    try {
      method.invoke(target, (Object) new String[] {"x"});
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
