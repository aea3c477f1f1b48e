package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.JournalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The journal: what survives closing and reopening, and what recovery refuses, by file and offset. */
class CommandJournalTest {
  @TempDir
  Path directory;

  private CommandOptions options(Durability durability) {
    return CommandOptions.builder().journal(directory).durability(durability).segmentSize(CommandOptions.MIN_SEGMENT_SIZE)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void commandsSurviveAReopen(Durability durability) {
    CommandRunner<Tally> tally = Tally.open(options(durability));
    List<CompletableFuture<Long>> totals = new ArrayList<>();
    for (long i = 1; i <= 1_000; i++) {
      totals.add(tally.submit(new Tally.Add(i)));
    }
    assertThat(totals.get(999).join()).isEqualTo(500_500L);
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(options(durability));
    assertThat(reopened.submit(new Tally.Total()).join()).isEqualTo(500_500L);
    assertThat(reopened.submit(new Tally.Log()).join()).hasSize(1_000).startsWith(1L, 2L, 3L);
    reopened.close();
  }

  @Test
  void segmentsRollWhenFull() throws IOException {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    CompletableFuture<Long> last = null;
    for (long i = 1; i <= 20_000; i++) {
      last = tally.submit(new Tally.Add(1));
    }
    assertThat(last.join()).isEqualTo(20_000L);
    tally.close();
    assertThat(segments()).hasSizeGreaterThan(2);

    CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
    assertThat(reopened.submit(new Tally.Total()).join()).isEqualTo(20_000L);
    reopened.close();
  }

  @Test
  void aFailedCommandIsNotJournaled() {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    tally.submit(new Tally.Add(5)).join();
    assertThatThrownBy(() -> tally.submit(new Tally.Add(-1)).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    tally.submit(new Tally.Add(7)).join();
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
    assertThat(reopened.submit(new Tally.Log()).join()).containsExactly(5L, 7L);
    reopened.close();
  }

  @Test
  void undoAndRedoHistorySurvivesARestart() {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    for (long i = 1; i <= 4; i++) {
      tally.submit(new Tally.Add(i));
    }
    assertThat(tally.undo().join()).isTrue();
    assertThat(tally.undo().join()).isTrue(); // log 1, 2; redo holds 3 then 4
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
    assertThat(reopened.submit(new Tally.Log()).join()).containsExactly(1L, 2L);
    assertThat(reopened.redo().join()).isTrue();
    assertThat(reopened.submit(new Tally.Log()).join()).containsExactly(1L, 2L, 3L);
    assertThat(reopened.undo().join()).isTrue();
    assertThat(reopened.undo().join()).isTrue();
    assertThat(reopened.undo().join()).isTrue();
    assertThat(reopened.undo().join()).isFalse();
    assertThat(reopened.submit(new Tally.Log()).join()).isEmpty();
    reopened.close();

    CommandRunner<Tally> again = Tally.open(options(Durability.SYNC));
    assertThat(again.submit(new Tally.Log()).join()).isEmpty();
    assertThat(again.redo().join()).isTrue();
    assertThat(again.submit(new Tally.Log()).join()).containsExactly(1L);
    again.close();
  }

  @Test
  void snapshotsShortenRecoveryAndKeepTheHistory() throws IOException {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    for (long i = 1; i <= 10_000; i++) {
      tally.submit(new Tally.Add(i));
    }
    tally.undo();
    tally.snapshot().join();
    tally.submit(new Tally.Add(1));
    tally.close();
    assertThat(segments()).hasSize(1);
    assertThat(files("snapshot-")).hasSize(1);

    CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
    List<Long> log = reopened.submit(new Tally.Log()).join();
    assertThat(log).hasSize(10_000).endsWith(9_999L, 1L);
    assertThat(reopened.undo().join()).isTrue();
    assertThat(reopened.undo().join()).isTrue();
    assertThat(reopened.submit(new Tally.Log()).join()).hasSize(9_998).endsWith(9_998L);
    reopened.close();
  }

  @Test
  void aTornLastRecordIsCutOffWithAWarning() throws IOException {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    for (long i = 1; i <= 10; i++) {
      tally.submit(new Tally.Add(i));
    }
    tally.close();
    Path segment = segments().get(0);
    int end = endOfRecords(segment);
    // the last record is 8 + 1 + 1 + 8 bytes: cut off its second half, as a crash in the middle of the write would
    zero(segment, end - 9, 9);

    List<String> warnings = captureWarnings(() -> {
      CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
      assertThat(reopened.submit(new Tally.Log()).join()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(reopened.submit(new Tally.Add(100)).join()).isEqualTo(145L);
      reopened.close();
    });
    assertThat(warnings).anySatisfy(warning -> assertThat(warning)
        .contains(segment.toString()).contains("cut off a torn record at offset " + (end - 18)));

    CommandRunner<Tally> again = Tally.open(options(Durability.SYNC));
    assertThat(again.submit(new Tally.Log()).join()).endsWith(9L, 100L);
    again.close();
  }

  @Test
  void aCorruptRecordFollowedByGoodOnesIsRefusedByFileAndOffset() throws IOException {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    for (long i = 1; i <= 10; i++) {
      tally.submit(new Tally.Add(i));
    }
    tally.close();
    Path segment = segments().get(0);
    int fifth = dataStart(segment) + 4 * 18;
    flip(segment, fifth + 12);

    assertThatThrownBy(() -> Tally.open(options(Durability.SYNC)))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("journal segment " + segment + " is corrupt at offset " + fifth)
        .hasMessageContaining("CRC32C");
    // nothing was changed or skipped: the same refusal again
    assertThatThrownBy(() -> Tally.open(options(Durability.SYNC))).isInstanceOf(JournalException.class)
        .hasMessageContaining("at offset " + fifth);
  }

  @Test
  void aJournalOfAChangedReceiverIsRefusedByCommandName() {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    tally.submit(new Tally.Add(1)).join();
    tally.close();

    CommandType<Tally, Long> changed = CommandType.undoable("add", "(int)long", in -> null, io.github.posa4j.codec.Codecs.LONG);
    CommandSchema<Tally> schema = CommandSchema.of("test.Tally", List.of(changed, Tally.Clear.TYPE));
    assertThatThrownBy(() -> CommandRunner.open(schema, Tally::new, options(Durability.SYNC), "TallyCommands"))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("the command 'add' of test.Tally as add(long)long, but it is now add(int)long");
  }

  @Test
  void aNewCommandIsAccepted() {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    tally.submit(new Tally.Add(3)).join();
    tally.close();

    CommandType<Tally, Long> added = CommandType.of("double", "()long", in -> null, io.github.posa4j.codec.Codecs.LONG);
    CommandSchema<Tally> schema = CommandSchema.of("test.Tally", List.of(Tally.Add.TYPE, added, Tally.Clear.TYPE));
    CommandRunner<Tally> reopened = CommandRunner.open(schema, Tally::new, options(Durability.SYNC), "TallyCommands");
    assertThat(reopened.submit(new Tally.Total()).join()).isEqualTo(3L);
    reopened.submit(new Tally.Add(4)).join();
    reopened.close();

    CommandRunner<Tally> again = Tally.open(options(Durability.SYNC));
    assertThat(again.submit(new Tally.Log()).join()).containsExactly(3L, 4L);
    again.close();
  }

  @Test
  void twoProcessorsNeverShareADirectory() {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    assertThatThrownBy(() -> Tally.open(options(Durability.ASYNC)))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("journal " + directory + " is already open in this JVM");
    tally.close();
    Tally.open(options(Durability.SYNC)).close();
  }

  @Test
  void aDamagedLengthInTheLastSegmentIsCorruptionNotATornTail() throws IOException {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    for (long i = 1; i <= 10; i++) {
      tally.submit(new Tally.Add(i));
    }
    tally.close();
    Path segment = segments().get(0);
    int third = dataStart(segment) + 2 * 18;
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(4).putInt(0, -7), third); // a length no record has
    }
    assertThatThrownBy(() -> Tally.open(options(Durability.SYNC)))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("is corrupt at offset " + third + ": a record length of -7")
        .hasMessageContaining("followed by a good record at offset " + (third + 18));
    // nothing was erased: repairing the length brings every record back
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(4).putInt(0, 10), third);
    }
    CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
    assertThat(reopened.submit(new Tally.Total()).join()).isEqualTo(55L);
    reopened.close();
  }

  @Test
  void closingTwiceOrFromTheProcessorsOwnThreadIsFine() throws Exception {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    CompletableFuture<Void> closedFromInside = tally.submit(new Tally.Add(1)).thenRun(tally::close);
    List<CompletableFuture<Long>> queued = new ArrayList<>();
    for (long i = 2; i <= 100; i++) {
      queued.add(tally.submit(new Tally.Add(i)));
    }
    closedFromInside.join();
    tally.close();
    tally.close();
    tally.shutdownNow();
    long ran = 1 + queued.stream().filter(future -> !future.isCompletedExceptionally()).count();
    queued.forEach(future -> future.handle((value, failure) -> null).join());

    CommandRunner<Tally> reopened = Tally.open(options(Durability.SYNC));
    assertThat(reopened.submit(new Tally.Log()).join()).hasSize((int) ran);
    reopened.close();
  }

  @Test
  void aSmallerHistoryAfterASnapshotStillReplaysTheUndosWrittenWithTheLargerOne() {
    CommandRunner<Tally> tally = Tally.open(options(Durability.SYNC));
    for (long i = 1; i <= 20; i++) {
      tally.submit(new Tally.Add(i));
    }
    tally.snapshot().join();
    for (int i = 0; i < 10; i++) {
      assertThat(tally.undo().join()).isTrue();
    }
    tally.close();

    CommandOptions smaller = options(Durability.SYNC).toBuilder().history(5).build();
    CommandRunner<Tally> reopened = Tally.open(smaller);
    assertThat(reopened.submit(new Tally.Log()).join()).hasSize(10);
    assertThat(reopened.undo().join()).isTrue();
    reopened.close();
    CommandRunner<Tally> again = Tally.open(smaller);
    assertThat(again.submit(new Tally.Log()).join()).hasSize(9);
    again.close();
  }

  private List<Path> segments() throws IOException {
    return files("segment-");
  }

  private List<Path> files(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
    }
  }

  static int dataStart(Path segment) throws IOException {
    ByteBuffer header = read(segment, 0, 12);
    return 12 + header.getInt(8) + 4;
  }

  static int endOfRecords(Path segment) throws IOException {
    int position = dataStart(segment);
    for (;;) {
      int length = read(segment, position, 4).getInt(0);
      if (length == 0) {
        return position;
      }
      position += 8 + length;
    }
  }

  static ByteBuffer read(Path file, long position, int length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      channel.read(buffer, position);
      return buffer.flip();
    }
  }

  static void zero(Path file, long position, int length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(length), position);
    }
  }

  static void flip(Path file, long position) throws IOException {
    byte old = read(file, position, 1).get(0);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {(byte) ~old}), position);
    }
  }

  static List<String> captureWarnings(Runnable action) {
    Logger logger = Logger.getLogger(Recovery.class.getName());
    List<String> messages = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (messages) {
          messages.add(record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return messages;
  }
}
