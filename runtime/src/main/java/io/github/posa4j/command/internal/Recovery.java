package io.github.posa4j.command.internal;

import io.github.posa4j.codec.CodecException;
import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.command.JournalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Rebuilds a receiver and its undo history from a journal directory: from the newest snapshot
 * (or a fresh receiver), then every record after it, in order, with the same moves the live
 * processor made. A torn record at the very end is cut off with a warning; anything else wrong
 * (corruption, a gap between segments, a command that changed) fails with a
 * {@link JournalException} that names the file, the offset or the command.
 */
final class Recovery<S> {
  private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

  /** What recovery found: the rebuilt state, and the last segment, ready for more records. */
  static final class Recovered<S> {
    final ReceiverState<S> state;
    /** The last segment, open, its end set after its last good record; {@code null} if there is none. */
    final Segment last;
    /** The number the next record gets. */
    final long nextRecord;

    Recovered(ReceiverState<S> state, Segment last, long nextRecord) {
      this.state = state;
      this.last = last;
      this.nextRecord = nextRecord;
    }
  }

  private final Path directory;
  private final CommandSchema<S> schema;
  private final int depth;
  private ReceiverState<S> state;

  private Recovery(Path directory, CommandSchema<S> schema, int depth) {
    this.directory = directory;
    this.schema = schema;
    this.depth = depth;
  }

  /** Recovers the receiver of {@code schema} from {@code directory}, which the caller has locked. */
  static <S> Recovered<S> recover(Path directory, CommandSchema<S> schema, Supplier<? extends S> initial, int depth)
      throws IOException {
    return new Recovery<>(directory, schema, depth).run(initial);
  }

  private Recovered<S> run(Supplier<? extends S> initial) throws IOException {
    TreeMap<Long, Path> segments = new TreeMap<>();
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(JournalFiles.TEMPORARY_SUFFIX)) {
          LOG.log(System.Logger.Level.WARNING, "posa4j: journal " + directory + ": deleted " + name
              + ", a file left unfinished by a crash while it was written");
          Files.delete(file);
        } else if (JournalFiles.segmentNumber(name) >= 0) {
          segments.put(JournalFiles.segmentNumber(name), file);
        } else if (JournalFiles.snapshotNumber(name) >= 0) {
          snapshots.put(JournalFiles.snapshotNumber(name), file);
        }
      }
    }
    long from = 0;
    if (!snapshots.isEmpty()) {
      from = snapshots.lastKey();
      state = SnapshotFile.read(snapshots.lastEntry().getValue(), schema, depth);
    } else {
      S receiver = initial.get();
      if (receiver == null) {
        throw new NullPointerException("the initial receiver supplier of " + schema.receiver() + " returned null");
      }
      state = new ReceiverState<>(receiver, depth);
    }
    // Segments whose records all come before the snapshot are not read.
    List<Path> toRead = new ArrayList<>();
    for (var entry : segments.entrySet()) {
      Long next = segments.higherKey(entry.getKey());
      if (next == null || next > from) {
        toRead.add(entry.getValue());
      }
    }
    long expected = from;
    Segment last = null;
    for (int i = 0; i < toRead.size(); i++) {
      Segment segment = Segment.open(toRead.get(i));
      boolean isLast = i == toRead.size() - 1;
      try {
        expected = read(segment, isLast, i == 0, from, expected);
      } catch (IOException | RuntimeException e) {
        segment.close();
        throw e;
      }
      if (isLast) {
        last = segment;
      } else {
        segment.close();
      }
    }
    state.history.depth(depth);
    return new Recovered<>(state, last, expected);
  }

  /** Replays the records of {@code segment} from record {@code from} on; the number after its last record. */
  private long read(Segment segment, boolean last, boolean first, long from, long expected) throws IOException {
    SegmentHeader header = segment.header;
    long named = JournalFiles.segmentNumber(segment.file.getFileName().toString());
    if (header.firstRecord != named) {
      throw new JournalException("journal segment " + segment.file + " is corrupt at offset 12: its header says its first"
          + " record is " + header.firstRecord + ", its name says " + named + "; restore it from a backup");
    }
    if (!header.receiver.equals(schema.receiver())) {
      throw new JournalException("journal segment " + segment.file + " was written by " + header.receiver + ", not by "
          + schema.receiver() + "; give each receiver its own journal directory");
    }
    if (first ? header.firstRecord > from : header.firstRecord != expected) {
      throw new JournalException("journal " + directory + " is missing records " + (first ? from : expected) + " to "
          + (header.firstRecord - 1) + " before " + segment.file.getFileName() + "; a segment file was deleted or moved:"
          + " restore it");
    }
    CommandType<S, ?>[] types = typesOf(segment);
    state.history.depth(header.historyDepth);
    CodecInput in = new CodecInput(new byte[0]);
    SegmentScanner.Result result = SegmentScanner.scan(segment, last, from,
        (record, contents, offset, length) -> replay(segment, types, in, record, contents, offset, length));
    if (result.tornAt >= 0) {
      LOG.log(System.Logger.Level.WARNING, "posa4j: journal segment " + segment.file + ": cut off a torn record at offset "
          + result.tornAt + " (" + (result.tornEnd - result.tornAt) + " bytes, and no good record after them), left by a"
          + " crash in the middle of a write."
          + " The " + (header.firstRecord + result.records) + " records before it are recovered");
      segment.eraseTorn(result.tornAt, result.tornEnd);
    }
    segment.recovered(result.end);
    return header.firstRecord + result.records;
  }

  @SuppressWarnings("unchecked")
  private CommandType<S, ?>[] typesOf(Segment segment) {
    SegmentHeader header = segment.header;
    CommandType<S, ?>[] types = new CommandType[header.names.size()];
    for (int i = 0; i < types.length; i++) {
      String name = header.names.get(i);
      CommandType<S, ?> type = schema.types().get(name);
      if (type != null && !type.signature().equals(header.signatures.get(i))) {
        throw changed(segment.file, schema, name, header.signatures.get(i), type.signature());
      }
      types[i] = type; // null: removed, which only matters if a record uses it
    }
    return types;
  }

  private void replay(Segment segment, CommandType<S, ?>[] types, CodecInput in, long record, ByteBuffer contents,
      int offset, int length) {
    in.reset(contents, offset, length);
    byte kind = 0;
    String what = "record " + record;
    try {
      kind = in.readByte();
      switch (kind) {
        case JournalFiles.COMMAND: {
          Command<S, ?> command = decode(segment, types, in, offset);
          what = "command '" + command.type().name() + "' (record " + record + ")";
          requireEnd(in);
          state.run(command);
          break;
        }
        case JournalFiles.MACRO: {
          int count = in.readCount(1);
          List<Command<S, ?>> commands = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            commands.add(decode(segment, types, in, offset));
          }
          what = "macro (record " + record + ")";
          requireEnd(in);
          state.runMacro(List.copyOf(commands));
          break;
        }
        case JournalFiles.UNDO:
          what = "undo (record " + record + ")";
          requireEnd(in);
          if (!state.canUndo()) {
            throw new JournalException("journal segment " + segment.file + " holds an undo record at offset "
                + (offset - JournalFiles.RECORD_HEADER) + " where the replayed history has nothing to undo; the journal"
                + " does not match " + schema.receiver() + "'s commands (did an @Undo go away?)");
          }
          state.undo();
          break;
        case JournalFiles.REDO:
          what = "redo (record " + record + ")";
          requireEnd(in);
          if (!state.canRedo()) {
            throw new JournalException("journal segment " + segment.file + " holds a redo record at offset "
                + (offset - JournalFiles.RECORD_HEADER) + " where the replayed history has nothing to redo; the journal"
                + " does not match " + schema.receiver() + "'s commands");
          }
          state.redo();
          break;
        default:
          throw SegmentScanner.corrupt(segment, offset - JournalFiles.RECORD_HEADER, "a record of unknown kind " + kind);
      }
    } catch (JournalException e) {
      throw e;
    } catch (CodecException e) {
      throw new JournalException("journal segment " + segment.file + ": the " + what + " at offset "
          + (offset - JournalFiles.RECORD_HEADER) + " cannot be decoded although its CRC32C matches: " + e.getMessage()
          + "; was the journal written by another version of " + schema.receiver() + " with the same signatures?", e);
    } catch (Exception | Error e) {
      throw new JournalException("journal segment " + segment.file + ": replaying the " + what + " at offset "
          + (offset - JournalFiles.RECORD_HEADER) + " threw " + e + "; it did not throw when it ran first, so "
          + schema.receiver() + " is not deterministic: pass time and randomness in as parameters", e);
    }
  }

  private Command<S, ?> decode(Segment segment, CommandType<S, ?>[] types, CodecInput in, int offset) {
    int index = in.readVarInt();
    if (index >= types.length) {
      throw SegmentScanner.corrupt(segment, offset - JournalFiles.RECORD_HEADER, "a record naming command number "
          + index + " of " + types.length);
    }
    CommandType<S, ?> type = types[index];
    if (type == null) {
      throw new JournalException("journal segment " + segment.file + " holds the command '" + segment.header.names.get(index)
          + "' at offset " + (offset - JournalFiles.RECORD_HEADER) + ", which " + schema.receiver()
          + " no longer has; restore the method (it may do nothing new) to read the journal");
    }
    return type.decode(in);
  }

  private static void requireEnd(CodecInput in) {
    if (in.remaining() != 0) {
      throw new CodecException(in.remaining() + " bytes are left over after it");
    }
  }

  static JournalException changed(Path file, CommandSchema<?> schema, String name, String was, String now) {
    return new JournalException(file + " holds the command '" + name + "' of " + schema.receiver() + " as " + name + was
        + ", but it is now " + name + now + ": a journal cannot be read by a receiver whose commands changed their"
        + " parameters or results. Keep the old method (and add a new command beside it), or start a new journal");
  }
}
