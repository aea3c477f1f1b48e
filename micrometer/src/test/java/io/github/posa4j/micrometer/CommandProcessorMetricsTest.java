package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.internal.CommandRunner;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command processor's meters: its queue, history and journal while it is open, gone once it closes. */
class CommandProcessorMetricsTest extends MetricsFixture {
  @TempDir
  Path directory;

  private double gauge(String meter, String name) {
    return meters.get(meter).tag("name", name).gauge().value();
  }

  private double journalBytes(String name) {
    return meters.get("posa4j.journal.bytes").tag("name", name).functionCounter().count();
  }

  @Test
  void theMetersShowTheQueueTheHistoryAndTheJournalAndGoWhenItCloses() throws Exception {
    metrics.bindTo(meters);
    CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().name("metered-tally").journal(directory).build());
    assertThat(gauge("posa4j.journal.durable.records", "metered-tally")).isZero();

    CountDownLatch release = new CountDownLatch(1);
    Tally.Hold hold = new Tally.Hold(release);
    tally.submit(hold);
    assertThat(hold.started.await(10, TimeUnit.SECONDS)).isTrue();
    tally.submit(new Tally.Add(2));
    tally.submit(new Tally.Add(3));
    CompletableFuture<Long> last = tally.submit(new Tally.Add(4));
    assertThat(gauge("posa4j.command.pending", "metered-tally")).isEqualTo(3.0);
    release.countDown();
    assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(9L);

    assertThat(gauge("posa4j.command.pending", "metered-tally")).isZero();
    assertThat(gauge("posa4j.command.undo.depth", "metered-tally")).isEqualTo(3.0);
    assertThat(journalBytes("metered-tally")).isEqualTo(3.0 * Tally.ADD_RECORD_BYTES);
    assertThat(gauge("posa4j.journal.durable.records", "metered-tally")).isEqualTo(3.0);
    assertThat(meters.get("posa4j.journal.bytes").tag("name", "metered-tally").functionCounter().getId().getBaseUnit())
        .isEqualTo("bytes");

    assertThat(tally.undo().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(gauge("posa4j.command.undo.depth", "metered-tally")).isEqualTo(2.0);
    assertThat(gauge("posa4j.command.redo.depth", "metered-tally")).isEqualTo(1.0);
    assertThat(gauge("posa4j.journal.durable.records", "metered-tally")).isEqualTo(4.0);

    tally.close();
    assertThat(meters.find("posa4j.command.pending").tag("name", "metered-tally").meters()).isEmpty();
    assertThat(meters.find("posa4j.journal.bytes").tag("name", "metered-tally").meters()).isEmpty();
    assertThat(meters.find("posa4j.journal.durable.records").tag("name", "metered-tally").meters()).isEmpty();
  }

  @Test
  void anInMemoryProcessorHasNoJournalMeters() {
    metrics.bindTo(meters);
    CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().name("metered-memory").build());
    tally.submit(new Tally.Add(1)).join();

    assertThat(gauge("posa4j.command.undo.depth", "metered-memory")).isEqualTo(1.0);
    assertThat(meters.find("posa4j.journal.bytes").meters()).isEmpty();
    assertThat(meters.find("posa4j.journal.durable.records").meters()).isEmpty();
    tally.shutdownNow();
    assertThat(meters.find("posa4j.command.undo.depth").tag("name", "metered-memory").meters()).isEmpty();
  }

  @Test
  void aSecondProcessorOfTheSameNameLeavesTheFirstOnesMetersAlone() {
    metrics.bindTo(meters);
    CommandOptions options = CommandOptions.builder().name("metered-twin").build();
    CommandRunner<Tally> first = Tally.open(options);
    CommandRunner<Tally> second = Tally.open(options);
    second.submit(new Tally.Add(1)).join();

    second.close();
    assertThat(gauge("posa4j.command.undo.depth", "metered-twin")).isZero(); // still the first one's

    first.close();
    assertThat(meters.find("posa4j.command.undo.depth").tag("name", "metered-twin").meters()).isEmpty();
  }

  @Test
  void unbindingRemovesTheMetersOfOpenProcessors() {
    metrics.bindTo(meters);
    CommandRunner<Tally> tally =
        Tally.open(CommandOptions.builder().name("metered-unbound").journal(directory).build());
    try {
      assertThat(gauge("posa4j.command.pending", "metered-unbound")).isZero();
      metrics.close();
      assertThat(meters.getMeters()).isEmpty();
    } finally {
      tally.close();
    }
  }
}
