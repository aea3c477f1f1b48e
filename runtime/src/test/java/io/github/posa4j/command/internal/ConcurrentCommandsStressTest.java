package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight producers, each submitting 100,000 commands as fast as it can: every future completes
 * exactly once, the journal holds exactly the acknowledged commands in the order they ran, and a
 * replay reproduces the final state.
 */
class ConcurrentCommandsStressTest {
  private static final int PRODUCERS = 8;
  private static final int COMMANDS = 100_000;

  @TempDir
  Path directory;

  @Test
  void eightProducersOfAHundredThousandCommands() throws Exception {
    CommandOptions options = CommandOptions.builder().journal(directory).durability(Durability.ASYNC)
        .segmentSize(4L << 20).history(0).build();
    CommandRunner<Tally> tally = Tally.open(options);
    AtomicLong completions = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
    List<Future<CompletableFuture<?>>> lasts = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      long producer = p;
      lasts.add(producers.submit(() -> {
        start.await();
        CompletableFuture<Long> last = null;
        for (long i = 0; i < COMMANDS; i++) {
          // the amount says who sent it and in which order: producer * 10^6 + i
          last = tally.submit(new Tally.Add(producer * 1_000_000 + i));
          last.whenComplete((total, failure) -> (failure == null ? completions : failures).incrementAndGet());
        }
        return last;
      }));
    }
    start.countDown();
    for (Future<CompletableFuture<?>> last : lasts) {
      last.get(120, TimeUnit.SECONDS).get(120, TimeUnit.SECONDS);
    }
    producers.shutdown();
    List<Long> ran = tally.submit(new Tally.Log()).join();
    long total = tally.submit(new Tally.Total()).join();
    tally.close();

    assertThat(failures.get()).isZero();
    assertThat(completions.get()).isEqualTo((long) PRODUCERS * COMMANDS);
    assertThat(ran).hasSize(PRODUCERS * COMMANDS);
    long[] next = new long[PRODUCERS];
    for (long amount : ran) {
      int producer = (int) (amount / 1_000_000);
      assertThat(amount % 1_000_000).as("producer %d's commands in the order it sent them", producer)
          .isEqualTo(next[producer]++);
    }

    CommandRunner<Tally> replayed = Tally.open(options);
    assertThat(replayed.submit(new Tally.Log()).join()).isEqualTo(ran);
    assertThat(replayed.submit(new Tally.Total()).join()).isEqualTo(total);
    replayed.close();
  }
}
