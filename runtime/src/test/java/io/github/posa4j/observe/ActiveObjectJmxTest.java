package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectObserver;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.ActiveObjects;
import io.github.posa4j.active.internal.MethodRequest;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An active object's MBean: registered while it runs, with its queue and counts, gone once it terminates. */
class ActiveObjectJmxTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ActiveObjectObserver registrar = ActiveObjectJmx.registrar();

  @AfterEach
  void removeRegistrar() {
    ActiveObjects.removeObserver(registrar);
  }

  /** Appends to the servant; fails when told to; may wait for a latch first. */
  private static final class Append extends MethodRequest<StringBuilder, Integer> {
    private final char letter;
    private final CountDownLatch before;

    Append(char letter, CountDownLatch before) {
      this.letter = letter;
      this.before = before;
    }

    @Override
    protected void execute(StringBuilder servant) throws InterruptedException {
      before.await();
      if (letter == '!') {
        throw new IllegalArgumentException("no exclamations");
      }
      servant.append(letter);
      complete(servant.length());
    }
  }

  @Test
  void theMBeanShowsTheQueueAndTheCountsWhileItRunsAndGoesWhenItTerminates() throws Exception {
    ActiveObjects.addObserver(registrar);
    ActiveObjectScheduler<StringBuilder> activeObject =
        ActiveObjectScheduler.start(new StringBuilder(), ActiveObjectOptions.builder().name("jmx-letters").build(), "Letters");
    ObjectName name = new ObjectName("io.github.posa4j:type=ActiveObject,name=\"jmx-letters\"");
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(0);

    CompletableFuture<Integer> first = activeObject.submit(new Append('a', gate)); // runs, waits at the gate
    CompletableFuture<Integer> failing = activeObject.submit(new Append('!', open));
    CompletableFuture<Integer> last = activeObject.submit(new Append('b', open));
    awaitQueueLength(name, 2);

    assertThat(server.getAttribute(name, "Name")).isEqualTo("jmx-letters");
    assertThat(server.getAttribute(name, "Closed")).isEqualTo(false);
    assertThat(server.getAttribute(name, "ExecutedRequests")).isEqualTo(1L);
    gate.countDown();
    assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    assertThat(server.getAttribute(name, "ExecutedRequests")).isEqualTo(3L);
    assertThat(server.getAttribute(name, "FailedRequests")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "QueueLength")).isEqualTo(0);

    activeObject.close();
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void theEndOfASecondActiveObjectOfTheSameNameLeavesTheFirstOnesMBeanAlone() throws Exception {
    ActiveObjects.addObserver(registrar);
    ActiveObjectOptions options = ActiveObjectOptions.builder().name("jmx-twins").build();
    ActiveObjectScheduler<StringBuilder> first = ActiveObjectScheduler.start(new StringBuilder(), options, "Letters");
    ActiveObjectScheduler<StringBuilder> second = ActiveObjectScheduler.start(new StringBuilder(), options, "Letters");
    ObjectName name = new ObjectName("io.github.posa4j:type=ActiveObject,name=\"jmx-twins\"");
    first.submit(new Append('a', new CountDownLatch(0))).get(10, TimeUnit.SECONDS);

    second.close();
    assertThat(server.isRegistered(name)).isTrue();
    assertThat(server.getAttribute(name, "ExecutedRequests")).isEqualTo(1L); // the first one's
    first.close();
    assertThat(server.isRegistered(name)).isFalse();
  }

  /** The request at the gate has left the queue; waits until the two behind it are counted. */
  private void awaitQueueLength(ObjectName name, int length) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!server.getAttribute(name, "QueueLength").equals(length)) {
      assertThat(System.nanoTime()).as("queue length reaches " + length).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
