package io.github.posa4j.command.internal;

import io.github.posa4j.codec.Codec;
import io.github.posa4j.codec.CodecException;
import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.command.JournalException;
import io.github.posa4j.command.Snapshottable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot: the receiver's state after a number of records, with its undo and redo history
 * (each step's commands with their arguments and results), in one file with a CRC32C. It is
 * written under a temporary name, forced and renamed, so that a snapshot file is whole or absent.
 */
final class SnapshotFile {
  private SnapshotFile() {}

  /** Writes the snapshot of {@code state} after {@code records} records, durably. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <S> Path write(Path directory, long records, CommandSchema<S> schema, ReceiverState<S> state, StorageFaults faults)
      throws IOException {
    Object snapshot = ((Snapshottable<?>) state.receiver).snapshot();
    CodecOutput body = new CodecOutput(4096);
    body.writeLong(records);
    body.writeString(schema.receiver());
    body.writeString(schema.stateSignature());
    schema.stateCodec().encode(snapshot, body);
    body.writeVarInt(state.history.undoDepth());
    for (Step<S> step : state.history.undoSteps()) {
      writeStep(step, body);
    }
    body.writeVarInt(state.history.redoDepth());
    for (Step<S> step : state.history.redoSteps()) {
      writeStep(step, body);
    }
    Path file = JournalFiles.snapshot(directory, records);
    Path temporary = JournalFiles.temporary(file);
    faults.beforeCreate(file);
    ByteBuffer bytes = ByteBuffer.allocate(12 + body.size() + 4);
    bytes.putInt(JournalFiles.SNAPSHOT_MAGIC).putInt(JournalFiles.FORMAT_VERSION).putInt(body.size());
    body.writeTo(bytes);
    bytes.putInt(Segment.crc32c(body.buffer(), 0, body.size())).flip();
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      faults.beforeSync(file);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Segment.syncDirectory(directory);
    return file;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <S> void writeStep(Step<S> step, CodecOutput out) {
    out.writeVarInt(step.commands.size());
    for (int i = 0; i < step.commands.size(); i++) {
      Command<S, ?> command = step.commands.get(i);
      out.writeString(command.type().name());
      out.writeString(command.type().signature());
      command.encodeArguments(out);
      ((Codec) command.type().resultCodec()).encode(step.results[i], out);
    }
  }

  /** Reads the snapshot in {@code file} into a receiver and its history, of {@code depth}. */
  static <S> ReceiverState<S> read(Path file, CommandSchema<S> schema, int depth) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (bytes.length < 16 || buffer.getInt(0) != JournalFiles.SNAPSHOT_MAGIC) {
      throw new JournalException("snapshot " + file + " is corrupt at offset 0: it does not start with posa4j's snapshot"
          + " mark; move it out of the journal directory");
    }
    if (buffer.getInt(4) != JournalFiles.FORMAT_VERSION) {
      throw new JournalException("snapshot " + file + " has format version " + buffer.getInt(4) + " at offset 4, but this"
          + " posa4j reads version " + JournalFiles.FORMAT_VERSION + "; open it with the posa4j that wrote it");
    }
    int length = buffer.getInt(8);
    if (length < 0 || length != bytes.length - 16) {
      throw new JournalException("snapshot " + file + " is corrupt at offset 8: a body length of " + length + " in a file of "
          + bytes.length + " bytes; restore it from a backup, or delete it to recover from the journal segments alone if"
          + " they still go back to the beginning");
    }
    if (Segment.crc32c(bytes, 12, length) != buffer.getInt(12 + length)) {
      throw new JournalException("snapshot " + file + " is corrupt at offset 12: its contents fail their CRC32C check;"
          + " restore it from a backup");
    }
    if (!schema.snapshots()) {
      throw new JournalException("snapshot " + file + " was written by a receiver that implemented Snapshottable, but "
          + schema.receiver() + " no longer does; implement it again to read the journal");
    }
    CodecInput in = new CodecInput(bytes, 12, length);
    try {
      in.readLong();
      String receiver = in.readString();
      String signature = in.readString();
      if (!signature.equals(schema.stateSignature())) {
        throw new JournalException("snapshot " + file + " holds the state of " + receiver + " as " + signature + ", but "
            + schema.receiver() + "'s state is now " + schema.stateSignature() + "; a changed state type cannot read old"
            + " snapshots: restore the old type, or recover without this snapshot");
      }
      ReceiverState<S> state = new ReceiverState<>(schema.restore(schema.stateCodec().decode(in)), depth);
      List<Step<S>> undo = readSteps(in, schema, file);
      List<Step<S>> redo = readSteps(in, schema, file);
      // kept whole: the records after the snapshot replay with the depth of their segment
      state.history.restore(undo, redo);
      if (in.remaining() != 0) {
        throw new CodecException(in.remaining() + " bytes left over after the history");
      }
      return state;
    } catch (CodecException e) {
      throw new JournalException("snapshot " + file + " cannot be read at offset " + (12 + in.position()) + ": "
          + e.getMessage(), e);
    }
  }

  private static <S> List<Step<S>> readSteps(CodecInput in, CommandSchema<S> schema, Path file) {
    int count = in.readCount(1);
    List<Step<S>> steps = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      int commands = in.readCount(1);
      List<Command<S, ?>> list = new ArrayList<>(commands);
      Object[] results = new Object[commands];
      for (int i = 0; i < commands; i++) {
        String name = in.readString();
        String signature = in.readString();
        CommandType<S, ?> type = schema.types().get(name);
        if (type == null) {
          throw new JournalException("snapshot " + file + " holds the command '" + name + "' in its undo history, which "
              + schema.receiver() + " no longer has; restore the method to read the journal");
        }
        if (!type.signature().equals(signature)) {
          throw Recovery.changed(file, schema, name, signature, type.signature());
        }
        list.add(type.decode(in));
        results[i] = type.resultCodec().decode(in);
      }
      steps.add(new Step<>(List.copyOf(list), results));
    }
    return steps;
  }
}
