package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.MethodRequest;
import io.github.posa4j.config.Config;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An active object's meters: its queue and counts while it runs, gone once it terminates. */
class ActiveObjectMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Posa4jMetrics metrics = new Posa4jMetrics(new FaultToleranceRegistry(loader -> Config.empty()));

  @AfterEach
  void unbind() {
    metrics.close();
  }

  /** Appends to the servant, or fails for '!'; says when it has started, then waits for its gate. */
  private static final class Append extends MethodRequest<StringBuilder, Integer> {
    private final char letter;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch gate;

    Append(char letter, CountDownLatch gate) {
      this.letter = letter;
      this.gate = gate;
    }

    @Override
    protected void execute(StringBuilder servant) throws InterruptedException {
      started.countDown();
      gate.await();
      if (letter == '!') {
        throw new IllegalArgumentException("no exclamations");
      }
      servant.append(letter);
      complete(servant.length());
    }
  }

  private static ActiveObjectScheduler<StringBuilder> start(String name) {
    return ActiveObjectScheduler.start(new StringBuilder(), ActiveObjectOptions.builder().name(name).build(), "Letters");
  }

  private double queueLength(String name) {
    return meters.get("posa4j.activeobject.queue.length").tag("name", name).gauge().value();
  }

  private double requests(String name, String kind) {
    return meters.get("posa4j.activeobject.requests").tag("name", name).tag("kind", kind).functionCounter().count();
  }

  @Test
  void theMetersShowTheQueueAndTheCountsWhileItRunsAndGoWhenItTerminates() throws Exception {
    metrics.bindTo(meters);
    ActiveObjectScheduler<StringBuilder> activeObject = start("metered-letters");
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(0);
    Append first = new Append('a', gate);

    activeObject.submit(first);
    assertThat(first.started.await(10, TimeUnit.SECONDS)).isTrue(); // running, so out of the queue
    CompletableFuture<Integer> failing = activeObject.submit(new Append('!', open));
    CompletableFuture<Integer> last = activeObject.submit(new Append('b', open));

    assertThat(queueLength("metered-letters")).isEqualTo(2.0);
    assertThat(requests("metered-letters", "executed")).isEqualTo(1.0);
    assertThat(requests("metered-letters", "failed")).isZero();

    gate.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(queueLength("metered-letters")).isZero();
    assertThat(requests("metered-letters", "executed")).isEqualTo(3.0);
    assertThat(requests("metered-letters", "failed")).isEqualTo(1.0);

    activeObject.close();
    assertThat(meters.find("posa4j.activeobject.queue.length").tag("name", "metered-letters").meters()).isEmpty();
    assertThat(meters.find("posa4j.activeobject.requests").tag("name", "metered-letters").meters()).isEmpty();
  }

  @Test
  void aSecondActiveObjectOfTheSameNameLeavesTheFirstOnesMetersAlone() throws Exception {
    metrics.bindTo(meters);
    ActiveObjectScheduler<StringBuilder> first = start("metered-twin");
    ActiveObjectScheduler<StringBuilder> second = start("metered-twin");
    assertThat(second.submit(new Append('x', new CountDownLatch(0))).get(10, TimeUnit.SECONDS)).isEqualTo(1);

    second.close();
    assertThat(requests("metered-twin", "executed")).isZero(); // still the first one's

    first.close();
    assertThat(meters.find("posa4j.activeobject.requests").tag("name", "metered-twin").meters()).isEmpty();
  }

  @Test
  void unbindingRemovesTheMetersOfRunningActiveObjects() {
    metrics.bindTo(meters);
    ActiveObjectScheduler<StringBuilder> activeObject = start("metered-unbound");
    try {
      assertThat(queueLength("metered-unbound")).isZero();
      metrics.close();
      assertThat(meters.getMeters()).isEmpty();
    } finally {
      activeObject.close();
    }
  }
}
