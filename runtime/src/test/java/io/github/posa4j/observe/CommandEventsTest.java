package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.internal.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command processors emit an event per command, undo, redo and macro they run (named by processor
 * and command, with its outcome and, when it failed, the exception's class), and one per sync of
 * their journal (the records and bytes it made durable). By default a recording takes command
 * events from 1 ms on and every sync.
 */
class CommandEventsTest {
  private static RecordedEvents recorded;

  @TempDir
  Path directory;

  @BeforeAll
  static void record() {
    recorded = RecordedEvents.start();
  }

  @AfterAll
  static void stop() {
    recorded.close();
  }

  private static RecordedEvent command(String processor, String command, String outcome) throws InterruptedException {
    return recorded.await("Command", e -> processor.equals(e.getString("processor"))
        && command.equals(e.getString("command")) && outcome.equals(e.getString("outcome")));
  }

  @Test
  void eachCommandIsAnEventNamingTheProcessorTheCommandAndItsOutcome() throws Exception {
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name("jfr-ledger").build());
    assertThat(ledger.submit(new Ledger.Post(5)).join()).isEqualTo(5L);
    assertThatThrownBy(() -> ledger.submit(new Ledger.Post(-1)).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    ledger.close();

    RecordedEvent post = command("jfr-ledger", "post", "ok");
    assertThat(post.getString("failureClass")).isNull();
    assertThat(post.getDuration()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(post.getThread().getJavaName()).isEqualTo("jfr-ledger");
    assertThat(post.getEventType().getCategoryNames()).containsExactly("posa4j", "Command Processor");
    assertThat(post.getEventType().getLabel()).isEqualTo("Command");

    RecordedEvent failed = command("jfr-ledger", "post", "failed");
    assertThat(failed.getString("failureClass")).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(failed.getString("failureMessage")).isEqualTo("negative amount -1");
  }

  @Test
  void undoRedoAndMacrosAreEventsNamingTheStepTheyTook() throws Exception {
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name("jfr-history").build());
    ledger.submit(new Ledger.Post(5));
    assertThat(ledger.undo().join()).isTrue();
    assertThat(ledger.redo().join()).isTrue();
    Ledger.Batch batch = new Ledger.Batch();
    batch.post(1);
    batch.post(2);
    ledger.macro(batch).join();
    assertThat(ledger.undo().join()).isTrue();
    Ledger.Batch failing = new Ledger.Batch();
    failing.post(3);
    failing.post(-3);
    assertThatThrownBy(() -> ledger.macro(failing).join()).hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.submit(new Ledger.Balance()).join()).isEqualTo(5L);
    ledger.close();

    command("jfr-history", "undo post", "undo");
    command("jfr-history", "redo post", "redo");
    command("jfr-history", "macro of 2 commands", "macro");
    command("jfr-history", "undo macro of 2 commands", "undo");
    RecordedEvent failed = command("jfr-history", "macro of 2 commands", "failed");
    assertThat(failed.getString("failureClass")).isEqualTo("java.lang.IllegalArgumentException");
  }

  @Test
  void eachSyncOfAJournalIsAnEventWithItsRecordsAndBytes() throws Exception {
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name("jfr-sync").journal(directory)
        .durability(Durability.SYNC).build());
    ledger.submit(new Ledger.Post(7)).join(); // alone in its turn: one record in the sync
    ledger.undo().join();
    ledger.close();

    RecordedEvent post = recorded.await("JournalSync", e -> "jfr-sync".equals(e.getString("processor"))
        && e.getLong("bytes") == Ledger.POST_RECORD_BYTES);
    assertThat(post.getLong("records")).isEqualTo(1);
    assertThat(post.getBoolean("failed")).isFalse();
    assertThat(post.getDuration()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(post.getThread().getJavaName()).isEqualTo("jfr-sync");
    assertThat(post.getEventType().getCategoryNames()).containsExactly("posa4j", "Command Processor");
    RecordedEvent undo = recorded.await("JournalSync", e -> "jfr-sync".equals(e.getString("processor"))
        && e.getLong("bytes") == Ledger.UNDO_RECORD_BYTES);
    assertThat(undo.getLong("records")).isEqualTo(1);
  }

  /** What a recording gets unless its settings say otherwise, as Flight Recorder reads it from the event classes. */
  @Test
  void commandEventsHaveAOneMillisecondThresholdAndSyncsNone() {
    EventType command = EventType.getEventType(CommandEvent.class);
    EventType sync = EventType.getEventType(JournalSyncEvent.class);

    assertThat(command.getName()).isEqualTo("io.github.posa4j.Command");
    assertThat(defaultSettings(command)).containsEntry("threshold", "1 ms").containsEntry("enabled", "true");
    assertThat(sync.getName()).isEqualTo("io.github.posa4j.JournalSync");
    assertThat(sync.getLabel()).isEqualTo("Journal Sync");
    assertThat(defaultSettings(sync)).containsEntry("threshold", "0 ns").containsEntry("enabled", "true");
  }

  private static Map<String, String> defaultSettings(EventType type) {
    return type.getSettingDescriptors().stream()
        .collect(Collectors.toMap(SettingDescriptor::getName, SettingDescriptor::getDefaultValue));
  }
}
