package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.github.posa4j.processor.fixtures.PaymentApi;
import io.github.posa4j.processor.fixtures.PaymentClient;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated decorators, compiled by the processor and loaded: retry counts, checked
 * exceptions passing unchanged, fallback methods, the breaker opening, asynchronous retry, and
 * methods without annotations left alone.
 */
class ResilienceBehaviourTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compileTheDecorators() {
    Compilation compilation = Compiler.compile(ProxySources.fixture("PaymentClient"), ProxySources.fixture("PaymentApi"));
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

  private static void invoke(java.lang.reflect.Method method, Object target) throws Throwable {
    try {
      method.invoke(target, (Object) new String[] {"x"});
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
