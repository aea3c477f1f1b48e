package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.JournalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fails: a sync that fails (as {@code fsync} does on an I/O error), a segment that
 * cannot be created (as on a full disk). Each is injected where the journal calls the storage.
 */
class StorageFailureTest {
  @TempDir
  Path directory;

  @AfterEach
  void healTheDisk() {
    StorageFaults.Installed.faults = StorageFaults.NONE;
  }

  private CommandOptions options() {
    return CommandOptions.builder().journal(directory).durability(Durability.SYNC)
        .segmentSize(CommandOptions.MIN_SEGMENT_SIZE).build();
  }

  @Test
  void aFailedSyncFailsItsFuturesTakesTheirRecordsBackAndKeepsServing() throws Exception {
    CommandRunner<Tally> tally = Tally.open(options());
    tally.submit(new Tally.Add(1)).join();
    tally.submit(new Tally.Add(2)).join();

    AtomicBoolean failing = new AtomicBoolean(true);
    StorageFaults.Installed.faults = new StorageFaults() {
      @Override
      public void beforeSync(Path file) throws IOException {
        if (failing.get()) {
          throw new IOException("Input/output error (injected)");
        }
      }
    };
    // one turn: hold the processor's thread so that three commands and a read queue behind it
    CountDownLatch hold = new CountDownLatch(1);
    CompletableFuture<Long> holding = tally.submit(new Query<Tally, Long>() {
      @Override
      protected Long apply(Tally receiver) throws InterruptedException {
        hold.await(10, TimeUnit.SECONDS);
        return receiver.total;
      }
    });
    List<CompletableFuture<Long>> failed = new ArrayList<>();
    for (long i = 3; i <= 5; i++) {
      failed.add(tally.submit(new Tally.Add(i)));
    }
    CompletableFuture<Long> readAfter = tally.submit(new Tally.Total());
    hold.countDown();
    assertThat(holding.join()).isEqualTo(3L);
    for (CompletableFuture<Long> future : failed) {
      assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(JournalException.class)
          .hasRootCauseInstanceOf(IOException.class).hasRootCauseMessage("Input/output error (injected)");
    }
    assertThatThrownBy(readAfter::join).hasCauseInstanceOf(JournalException.class);

    // the receiver was rebuilt from what is durable, and reads go on
    assertThat(tally.submit(new Tally.Log()).join()).containsExactly(1L, 2L);
    failing.set(false);
    assertThat(tally.submit(new Tally.Add(10)).join()).isEqualTo(13L);
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(options());
    assertThat(reopened.submit(new Tally.Log()).join()).containsExactly(1L, 2L, 10L);
    reopened.close();
  }

  @Test
  void aSegmentThatCannotBeCreatedFailsOnlyTheCommandThatNeededIt() throws Exception {
    CommandRunner<Tally> tally = Tally.open(options());
    AtomicBoolean diskFull = new AtomicBoolean(true);
    StorageFaults.Installed.faults = new StorageFaults() {
      @Override
      public void beforeCreate(Path file) throws IOException {
        if (diskFull.get()) {
          throw new IOException("No space left on device (injected)");
        }
      }
    };
    long acknowledged = 0;
    CompletableFuture<Long> refused = null;
    for (long i = 1; refused == null && i < 100_000; i++) {
      CompletableFuture<Long> future = tally.submit(new Tally.Add(1));
      try {
        future.join();
        acknowledged++;
      } catch (CompletionException e) {
        refused = future;
        assertThat(e).hasCauseInstanceOf(JournalException.class).hasRootCauseMessage("No space left on device (injected)");
        assertThat(e.getCause()).hasMessageContaining("so it did not run");
      }
    }
    assertThat(refused).isNotNull();
    assertThat(tally.submit(new Tally.Total()).join()).isEqualTo(acknowledged);
    diskFull.set(false);
    tally.submit(new Tally.Add(1)).join();
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(options());
    assertThat(reopened.submit(new Tally.Total()).join()).isEqualTo(acknowledged + 1);
    reopened.close();
  }

  @Test
  void anAsyncJournalKeepsWhatItAcknowledgedWhenASyncFails() throws Exception {
    CommandOptions options = options().toBuilder().durability(Durability.ASYNC).build();
    CommandRunner<Tally> tally = Tally.open(options);
    AtomicBoolean failing = new AtomicBoolean(true);
    StorageFaults.Installed.faults = new StorageFaults() {
      @Override
      public void beforeSync(Path file) throws IOException {
        if (failing.get()) {
          throw new IOException("Input/output error (injected)");
        }
      }
    };
    long acknowledged = 0;
    boolean refused = false;
    // until a segment is full: moving to the next one needs a sync, which fails
    for (int i = 0; !refused && i < 100_000; i++) {
      try {
        tally.submit(new Tally.Add(1)).join();
        acknowledged++;
      } catch (CompletionException e) {
        refused = true;
        assertThat(e.getCause()).isInstanceOf(JournalException.class).hasMessageContaining("so this call did not run");
      }
    }
    assertThat(refused).isTrue();
    assertThat(tally.submit(new Tally.Total()).join()).isEqualTo(acknowledged);
    failing.set(false);
    tally.submit(new Tally.Add(1)).join();
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(options);
    assertThat(reopened.submit(new Tally.Total()).join()).isEqualTo(acknowledged + 1);
    reopened.close();
  }
}
