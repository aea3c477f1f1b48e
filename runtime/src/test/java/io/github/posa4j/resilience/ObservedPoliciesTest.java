package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What observers see of a breaker and a bulkhead ({@link CircuitBreakerView}, {@link BulkheadView}):
 * window, totals and rejections; an operator forcing the breaker open or closed and resetting it,
 * heard by listeners; and the registry telling each registration listener of each policy set once.
 */
class ObservedPoliciesTest {
  private static final String METHOD = "com.acme.Stock/reserve(int)";
  private final List<String> changes = new CopyOnWriteArrayList<>();
  private final FaultToleranceListener recorder = new FaultToleranceListener() {
    @Override
    public void onStateChange(String method, CircuitState from, CircuitState to) {
      changes.add(from + "->" + to);
    }
  };

  private FaultTolerance breaker(int window, double ratio) {
    return FaultTolerance.builder(METHOD)
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(window).failureRatio(ratio)
            .delay(Duration.ofHours(1)).build())
        .listener(recorder)
        .build();
  }

  private static void succeed(FaultTolerance policy) throws Exception {
    policy.call(() -> "ok");
  }

  private static void fail(FaultTolerance policy) {
    assertThatThrownBy(() -> policy.call(() -> {
      throw new IllegalStateException("down");
    })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theViewCountsWindowTotalsOpeningsAndRejections() throws Exception {
    FaultTolerance policy = breaker(4, 0.5);
    CircuitBreakerView view = policy.circuitBreaker().orElseThrow();
    succeed(policy);
    succeed(policy);
    fail(policy);
    assertThat(view.method()).isEqualTo(METHOD);
    assertThat(view.windowSize()).isEqualTo(4);
    assertThat(view.windowCalls()).isEqualTo(3);
    assertThat(view.windowFailures()).isEqualTo(1);

    fail(policy); // S S F F: half failed, the window is full: opens
    assertThat(view.state()).isEqualTo(CircuitState.OPEN);
    assertThatThrownBy(() -> succeed(policy)).isInstanceOf(CircuitBreakerOpenException.class);
    assertThatThrownBy(() -> succeed(policy)).isInstanceOf(CircuitBreakerOpenException.class);

    assertThat(view.successfulCalls()).isEqualTo(2);
    assertThat(view.failedCalls()).isEqualTo(2);
    assertThat(view.rejectedCalls()).isEqualTo(2);
    assertThat(view.timesOpened()).isEqualTo(1);
    assertThat(view.windowCalls()).isZero();
    assertThat(policy.bulkhead()).isEmpty();
  }

  @Test
  void forcedOpenRejectsEveryCallUntilReset() throws Exception {
    FaultTolerance policy = breaker(4, 0.5);
    CircuitBreakerView view = policy.circuitBreaker().orElseThrow();
    succeed(policy);

    view.forceOpen();
    assertThat(view.state()).isEqualTo(CircuitState.FORCED_OPEN);
    assertThatThrownBy(() -> succeed(policy)).isInstanceOf(CircuitBreakerOpenException.class);
    view.forceOpen(); // again: no change to hear
    view.reset();
    succeed(policy);

    assertThat(view.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(view.windowCalls()).isEqualTo(1);
    assertThat(view.successfulCalls()).isEqualTo(2);
    assertThat(view.rejectedCalls()).isEqualTo(1);
    assertThat(view.timesOpened()).isZero();
    assertThat(changes).containsExactly("CLOSED->FORCED_OPEN", "FORCED_OPEN->CLOSED");
  }

  @Test
  void forcedClosedAdmitsEveryCallAndCountsItsOutcomesUntilReset() throws Exception {
    FaultTolerance policy = breaker(2, 0.5);
    CircuitBreakerView view = policy.circuitBreaker().orElseThrow();
    fail(policy);
    fail(policy); // opens
    view.forceClosed();
    for (int i = 0; i < 10; i++) {
      fail(policy);
    }
    succeed(policy);
    assertThat(view.state()).isEqualTo(CircuitState.FORCED_CLOSED);

    view.reset();
    fail(policy);
    fail(policy);

    assertThat(view.state()).isEqualTo(CircuitState.OPEN);
    assertThat(view.failedCalls()).isEqualTo(14);
    assertThat(view.successfulCalls()).isEqualTo(1);
    assertThat(view.timesOpened()).isEqualTo(2);
    assertThat(changes).containsExactly("CLOSED->OPEN", "OPEN->FORCED_CLOSED", "FORCED_CLOSED->CLOSED", "CLOSED->OPEN");
  }

  @Test
  void aCallThatEndsAfterTheStateChangedStillCountsInTheTotals() throws Exception {
    FaultTolerance policy = breaker(4, 0.5);
    CircuitBreakerView view = policy.circuitBreaker().orElseThrow();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread slow = new Thread(() -> {
      try {
        policy.call(() -> {
          inside.countDown();
          release.await();
          return "late";
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    slow.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    view.forceOpen(); // the window the slow call was admitted in is gone
    release.countDown();
    slow.join(10_000);
    view.forceClosed();
    fail(policy);

    assertThat(view.successfulCalls()).isEqualTo(1);
    assertThat(view.failedCalls()).isEqualTo(1);
    assertThat(view.windowCalls()).isZero();
  }

  @Test
  void totalsAreExactUnderContention() throws Exception {
    FaultTolerance policy = breaker(1_000, 1.0); // never opens: every third call fails
    int threads = 8;
    int callsEach = 20_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < callsEach; i++) {
            boolean failing = i % 3 == 0;
            try {
              policy.call(() -> {
                if (failing) {
                  throw new IllegalStateException("every third");
                }
                return "ok";
              });
            } catch (IllegalStateException expected) {
              // counted by the breaker
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    CircuitBreakerView view = policy.circuitBreaker().orElseThrow();
    long failingEach = (callsEach + 2) / 3;
    assertThat(view.failedCalls()).isEqualTo(threads * failingEach);
    assertThat(view.successfulCalls()).isEqualTo(threads * (callsEach - failingEach));
    assertThat(view.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void theBulkheadViewCountsRejections() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD).bulkhead(BulkheadPolicy.of(1, 3)).build();
    BulkheadView view = policy.bulkhead().orElseThrow();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try {
        policy.call(() -> {
          inside.countDown();
          release.await();
          return null;
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    holder.start();
    inside.await(10, TimeUnit.SECONDS);

    assertThat(view.inUse()).isEqualTo(1);
    assertThatThrownBy(() -> policy.call(() -> "no room")).isInstanceOf(BulkheadFullException.class);
    assertThatThrownBy(() -> policy.call(() -> "no room")).isInstanceOf(BulkheadFullException.class);
    release.countDown();
    holder.join(10_000);

    assertThat(view.method()).isEqualTo(METHOD);
    assertThat(view.maxConcurrent()).isEqualTo(1);
    assertThat(view.maxWaiting()).isEqualTo(3);
    assertThat(view.inUse()).isZero();
    assertThat(view.waiting()).isZero();
    assertThat(view.rejectedCalls()).isEqualTo(2);
    assertThat(policy.circuitBreaker()).isEmpty();
  }

  @Test
  void aRegistrationListenerHearsOfEveryPolicySetOnceWhateverTheOrder() {
    FaultToleranceRegistry registry = new FaultToleranceRegistry(loader -> Config.empty());
    registry.computeIfAbsent("a/m()", key -> FaultTolerance.builder(key).build());
    List<String> heard = new CopyOnWriteArrayList<>();
    registry.addRegistrationListener(policies -> heard.add(policies.method()));
    registry.computeIfAbsent("b/m()", key -> FaultTolerance.builder(key).build());
    registry.computeIfAbsent("a/m()", key -> FaultTolerance.builder(key).build()); // exists: not again
    registry.addRegistrationListener(policies -> {
      throw new IllegalStateException("a broken observer stops nobody");
    });
    registry.computeIfAbsent("c/m()", key -> FaultTolerance.builder(key).build());

    assertThat(heard).containsExactly("a/m()", "b/m()", "c/m()");
  }
}
