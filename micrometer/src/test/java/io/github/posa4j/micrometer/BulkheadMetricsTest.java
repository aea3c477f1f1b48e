package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.BulkheadFullException;
import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bulkhead's meters: the slots in use while a call holds one, the waiting queue, and rejections. */
class BulkheadMetricsTest extends MetricsFixture {
  private static final String METHOD = "com.acme.MeteredShop/ship()";

  /** One slot, and room for three asynchronous calls to wait. */
  private FaultTolerance bulkhead() {
    metrics.bindTo(meters);
    return policies.computeIfAbsent(METHOD, key -> FaultTolerance.builder(key).bulkhead(BulkheadPolicy.of(1, 3)).build());
  }

  private double gauge(String name) {
    return meters.get(name).tag("method", METHOD).gauge().value();
  }

  private double rejected() {
    return meters.get("posa4j.bulkhead.rejected").tag("method", METHOD).functionCounter().count();
  }

  @Test
  void aCallHoldingTheSlotIsInUseAndTheNextIsRejected() throws Exception {
    FaultTolerance policy = bulkhead();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> {
      try {
        return policy.call(() -> {
          inside.countDown();
          release.await();
          return "held";
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(gauge("posa4j.bulkhead.in.use")).isEqualTo(1.0);
    assertThat(gauge("posa4j.bulkhead.max.concurrent")).isEqualTo(1.0);
    assertThat(rejected()).isZero();
    assertThatThrownBy(() -> policy.call(() -> "no room")).isInstanceOf(BulkheadFullException.class);
    assertThat(rejected()).isEqualTo(1.0);

    release.countDown();
    assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
    assertThat(gauge("posa4j.bulkhead.in.use")).isZero();
  }

  @Test
  void anAsynchronousCallWaitingForTheSlotIsCounted() throws Exception {
    FaultTolerance policy = bulkhead();
    CompletableFuture<String> slowWork = new CompletableFuture<>();
    CompletableFuture<String> first = policy.callAsync(() -> slowWork); // holds the slot until slowWork completes
    CompletableFuture<String> second = policy.callAsync(() -> CompletableFuture.completedFuture("second"));

    assertThat(gauge("posa4j.bulkhead.in.use")).isEqualTo(1.0);
    assertThat(gauge("posa4j.bulkhead.waiting")).isEqualTo(1.0);

    slowWork.complete("first");
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(gauge("posa4j.bulkhead.waiting")).isZero();
    assertThat(rejected()).isZero();
  }
}
