package io.github.posa4j.command.internal;

import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * What a segment says of itself: the number of its first record, and the commands its records
 * refer to by index, each with the signature it had when the segment was written.
 */
final class SegmentHeader {
  final long firstRecord;
  /** The depth of the undo history the records were written with, which replaying them needs. */
  final int historyDepth;
  final String receiver;
  final List<String> names;
  final List<String> signatures;

  SegmentHeader(long firstRecord, int historyDepth, String receiver, List<String> names, List<String> signatures) {
    this.firstRecord = firstRecord;
    this.historyDepth = historyDepth;
    this.receiver = receiver;
    this.names = names;
    this.signatures = signatures;
  }

  /** The header of a segment written now by {@code schema}, starting at {@code firstRecord}. */
  static SegmentHeader of(CommandSchema<?> schema, int historyDepth, long firstRecord) {
    List<String> names = new ArrayList<>();
    List<String> signatures = new ArrayList<>();
    schema.types().values().forEach(type -> {
      names.add(type.name());
      signatures.add(type.signature());
    });
    return new SegmentHeader(firstRecord, historyDepth, schema.receiver(), List.copyOf(names), List.copyOf(signatures));
  }

  void encode(CodecOutput out) {
    out.writeLong(firstRecord);
    out.writeVarInt(historyDepth);
    out.writeString(receiver);
    out.writeVarInt(names.size());
    for (int i = 0; i < names.size(); i++) {
      out.writeString(names.get(i));
      out.writeString(signatures.get(i));
    }
  }

  static SegmentHeader decode(CodecInput in) {
    long firstRecord = in.readLong();
    int historyDepth = in.readVarInt();
    String receiver = in.readString();
    int count = in.readCount(2);
    List<String> names = new ArrayList<>(count);
    List<String> signatures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(in.readString());
      signatures.add(in.readString());
    }
    return new SegmentHeader(firstRecord, historyDepth, receiver, List.copyOf(names), List.copyOf(signatures));
  }

  /**
   * Whether a segment with this header can take new records of {@code schema} with an undo
   * history of {@code depth}: the same commands, in the same order, and the same depth.
   */
  boolean matches(CommandSchema<?> schema, int depth) {
    SegmentHeader now = of(schema, depth, firstRecord);
    return historyDepth == depth && receiver.equals(now.receiver) && names.equals(now.names)
        && signatures.equals(now.signatures);
  }
}
