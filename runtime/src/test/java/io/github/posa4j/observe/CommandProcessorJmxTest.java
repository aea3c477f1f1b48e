package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.internal.CommandProcessorObserver;
import io.github.posa4j.command.internal.CommandProcessors;
import io.github.posa4j.command.internal.CommandRunner;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command processor's MBean: registered while it is open, with its queue, journal and history
 * figures read through the platform MBean server as a JMX client reads them, gone once it closes.
 */
class CommandProcessorJmxTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final CommandProcessorObserver registrar = CommandProcessorJmx.registrar();

  @TempDir
  Path directory;

  @AfterEach
  void removeRegistrar() {
    CommandProcessors.removeObserver(registrar);
  }

  private static ObjectName name(String processor) throws Exception {
    return new ObjectName("io.github.posa4j:type=CommandProcessor,name=\"" + processor + "\"");
  }

  @Test
  void theMBeanShowsTheQueueTheJournalAndTheHistoryAndGoesWhenItCloses() throws Exception {
    CommandProcessors.addObserver(registrar);
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name("jmx-ledger").journal(directory).build());
    ObjectName name = name("jmx-ledger");

    assertThat(server.getAttribute(name, "Name")).isEqualTo("jmx-ledger");
    assertThat(server.getAttribute(name, "Durability")).isEqualTo("SYNC");
    assertThat(server.getAttribute(name, "JournalDirectory")).isEqualTo(directory.toAbsolutePath().toString());
    assertThat(server.getAttribute(name, "LastDurableRecord")).isEqualTo(-1L);
    assertThat(server.getAttribute(name, "Closed")).isEqualTo(false);

    CountDownLatch release = new CountDownLatch(1);
    Ledger.Hold hold = new Ledger.Hold(release);
    ledger.submit(hold);
    assertThat(hold.started.await(10, TimeUnit.SECONDS)).isTrue();
    ledger.submit(new Ledger.Post(5));
    CompletableFuture<Long> second = ledger.submit(new Ledger.Post(6));
    assertThat(server.getAttribute(name, "QueueLength")).isEqualTo(2);
    release.countDown();
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(11L);

    assertThat(server.getAttribute(name, "QueueLength")).isEqualTo(0);
    assertThat(server.getAttribute(name, "JournalBytes")).isEqualTo(2L * Ledger.POST_RECORD_BYTES);
    assertThat(server.getAttribute(name, "LastDurableRecord")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "UndoDepth")).isEqualTo(2);
    assertThat(server.getAttribute(name, "RedoDepth")).isEqualTo(0);

    assertThat(ledger.undo().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.getAttribute(name, "JournalBytes"))
        .isEqualTo(2L * Ledger.POST_RECORD_BYTES + Ledger.UNDO_RECORD_BYTES);
    assertThat(server.getAttribute(name, "LastDurableRecord")).isEqualTo(2L);
    assertThat(server.getAttribute(name, "UndoDepth")).isEqualTo(1);
    assertThat(server.getAttribute(name, "RedoDepth")).isEqualTo(1);

    ledger.close();
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void aReopenedJournalCountsItsRecoveredRecordsAsDurable() throws Exception {
    CommandOptions options = CommandOptions.builder().name("jmx-reopened").journal(directory).build();
    CommandRunner<Ledger> ledger = Ledger.open(options);
    ledger.submit(new Ledger.Post(1));
    ledger.submit(new Ledger.Post(2)).join();
    ledger.close();

    CommandProcessors.addObserver(registrar);
    CommandRunner<Ledger> reopened = Ledger.open(options);
    ObjectName name = name("jmx-reopened");
    assertThat(server.getAttribute(name, "LastDurableRecord")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "JournalBytes")).isEqualTo(0L); // written by this one
    assertThat(server.getAttribute(name, "UndoDepth")).isEqualTo(2);
    reopened.close();
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void anAsyncJournalsDurableRecordsRiseWithTheBackgroundSyncs() throws Exception {
    CommandProcessors.addObserver(registrar);
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name("jmx-async").journal(directory)
        .durability(Durability.ASYNC).syncInterval(Duration.ofMillis(10)).build());
    ObjectName name = name("jmx-async");
    assertThat(server.getAttribute(name, "Durability")).isEqualTo("ASYNC");
    for (long i = 1; i <= 3; i++) {
      ledger.submit(new Ledger.Post(i));
    }
    ledger.submit(new Ledger.Balance()).join();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!server.getAttribute(name, "LastDurableRecord").equals(2L)) {
      assertThat(System.nanoTime()).as("the background syncer makes the three records durable").isLessThan(deadline);
      Thread.sleep(5);
    }
    ledger.close();
  }

  @Test
  void anInMemoryProcessorHasNoJournalAndItsMBeanGoesOnShutdownNow() throws Exception {
    CommandProcessors.addObserver(registrar);
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name("jmx-memory").build());
    ObjectName name = name("jmx-memory");
    ledger.submit(new Ledger.Post(3)).join();

    assertThat(server.getAttribute(name, "Durability")).isEqualTo("IN_MEMORY");
    assertThat(server.getAttribute(name, "JournalDirectory")).isNull();
    assertThat(server.getAttribute(name, "JournalBytes")).isEqualTo(0L);
    assertThat(server.getAttribute(name, "LastDurableRecord")).isEqualTo(-1L);
    assertThat(server.getAttribute(name, "UndoDepth")).isEqualTo(1);

    ledger.shutdownNow();
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void theCloseOfASecondProcessorOfTheSameNameLeavesTheFirstOnesMBeanAlone() throws Exception {
    CommandProcessors.addObserver(registrar);
    CommandOptions options = CommandOptions.builder().name("jmx-twins").build();
    CommandRunner<Ledger> first = Ledger.open(options);
    CommandRunner<Ledger> second = Ledger.open(options);
    first.submit(new Ledger.Post(4)).join();

    second.close();
    ObjectName name = name("jmx-twins");
    assertThat(server.isRegistered(name)).isTrue();
    assertThat(server.getAttribute(name, "UndoDepth")).isEqualTo(1); // the first one's
    first.close();
    assertThat(server.isRegistered(name)).isFalse();
  }
}
