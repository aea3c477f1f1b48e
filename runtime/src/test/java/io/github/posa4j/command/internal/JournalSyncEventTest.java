package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.JournalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine reports a sync that fails to the probe observability installed: a
 * {@code io.github.posa4j.JournalSync} event that says so, with the records it took back.
 */
class JournalSyncEventTest {
  @TempDir
  Path directory;

  @AfterEach
  void noFaults() {
    StorageFaults.Installed.faults = StorageFaults.NONE;
  }

  @Test
  void aFailedSyncIsAnEventSayingSo() throws Exception {
    try (RecordingStream stream = new RecordingStream()) {
      CountDownLatch found = new CountDownLatch(1);
      RecordedEvent[] failed = new RecordedEvent[1];
      stream.enable("io.github.posa4j.JournalSync");
      stream.onEvent("io.github.posa4j.JournalSync", event -> {
        if ("failing-sync".equals(event.getString("processor")) && event.getBoolean("failed")) {
          failed[0] = event;
          found.countDown();
        }
      });
      stream.startAsync();

      CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().name("failing-sync").journal(directory).build());
      StorageFaults.Installed.faults = new StorageFaults() {
        @Override
        public void beforeSync(Path file) throws IOException {
          throw new IOException("the device is gone");
        }
      };
      assertThatThrownBy(() -> tally.submit(new Tally.Add(1)).join())
          .isInstanceOf(CompletionException.class).hasCauseInstanceOf(JournalException.class);
      StorageFaults.Installed.faults = StorageFaults.NONE;
      tally.close();

      assertThat(found.await(30, TimeUnit.SECONDS)).as("a failed JournalSync event arrived").isTrue();
      assertThat(failed[0].getLong("records")).isEqualTo(1);
      assertThat(failed[0].getLong("bytes")).isEqualTo(18); // a header of 8, the kind, the index, the long
    }
  }
}
