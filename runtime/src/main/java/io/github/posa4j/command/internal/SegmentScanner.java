package io.github.posa4j.command.internal;

import io.github.posa4j.command.JournalException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads the records of one segment in order, checking each one's length and CRC32C, and finds
 * where they end: at the first length of zero followed by nothing but zeros (the rest of the
 * allocation). What else it may find:
 * <ul>
 *   <li>a bad record (a length out of range, a CRC that does not match) followed by nothing but
 *       zeros, in the last segment: a record torn by a crash in the middle of a write; it is
 *       reported as {@link Result#tornAt}, and recovery cuts it off with a warning;
 *   <li>a bad record, or a zero length, followed by anything else: corruption, refused with a
 *       {@link JournalException} naming the file and offset. Nothing is ever skipped.
 * </ul>
 */
final class SegmentScanner {
  /** What the scan found. */
  static final class Result {
    /** Where the good records end. */
    final int end;
    /** How many good records there are. */
    final long records;
    /** Where a torn last record starts, or -1. */
    final int tornAt;

    Result(int end, long records, int tornAt) {
      this.end = end;
      this.records = records;
      this.tornAt = tornAt;
    }
  }

  /** Takes each good record's body, as a region of the segment's contents. */
  interface RecordSink {
    /** The record number {@code record}, whose body is {@code contents[offset, offset + length)}. */
    void record(long record, ByteBuffer contents, int offset, int length);
  }

  private SegmentScanner() {}

  /**
   * Reads every record of {@code segment}, giving those numbered {@code from} and later to
   * {@code sink}.
   *
   * @param last whether this is the journal's last segment, the only one a crash can tear
   */
  static Result scan(Segment segment, boolean last, long from, RecordSink sink) {
    ByteBuffer contents = segment.contents();
    ByteBuffer view = contents.duplicate();
    CRC32C crc = new CRC32C();
    int size = segment.size;
    int position = segment.dataStart;
    long record = segment.header.firstRecord;
    while (position <= size - JournalFiles.RECORD_HEADER) {
      int length = contents.getInt(position);
      if (length == 0) {
        if (!zerosFrom(contents, position, size)) {
          throw corrupt(segment, position, "a record length of 0 (the end of the records) followed by more data");
        }
        return new Result(position, record - segment.header.firstRecord, -1);
      }
      int bodyStart = position + JournalFiles.RECORD_HEADER;
      boolean lengthFits = length > 0 && length <= size - bodyStart;
      boolean good = false;
      if (lengthFits) {
        view.limit(bodyStart + length).position(bodyStart);
        crc.reset();
        crc.update(view);
        good = (int) crc.getValue() == contents.getInt(position + 4);
      }
      if (!good) {
        int after = lengthFits ? bodyStart + length : size;
        if (last && zerosFrom(contents, after, size)) {
          return new Result(position, record - segment.header.firstRecord, position);
        }
        throw corrupt(segment, position, lengthFits ? "a record whose CRC32C does not match its contents"
            : "a record length of " + length + ", beyond the end of the segment");
      }
      if (record >= from) {
        sink.record(record, contents, bodyStart, length);
      }
      record++;
      position = bodyStart + length;
    }
    if (position < size && !zerosFrom(contents, position, size)) {
      if (last) {
        return new Result(position, record - segment.header.firstRecord, position);
      }
      throw corrupt(segment, position, "a record header cut by the end of the segment");
    }
    return new Result(position, record - segment.header.firstRecord, -1);
  }

  static JournalException corrupt(Segment segment, int offset, String what) {
    return new JournalException("journal segment " + segment.file + " is corrupt at offset " + offset + ": " + what
        + "; data follows it, or it is not the last segment, so it is not a write torn by a crash."
        + " Nothing was skipped: restore the file from a backup, or truncate it at that offset yourself to give up the"
        + " records from there on");
  }

  private static boolean zerosFrom(ByteBuffer contents, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      if (contents.getLong(i) != 0) {
        return false;
      }
    }
    for (; i < to; i++) {
      if (contents.get(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
