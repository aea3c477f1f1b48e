package io.github.posa4j.command.internal;

import io.github.posa4j.command.JournalException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads the records of one segment in order, checking each one's length and CRC32C, and finds
 * where they end: at the first length of zero followed by nothing but zeros (the rest of the
 * allocation). What else it may find:
 * <ul>
 *   <li>a bad spot (a length out of range, a CRC that does not match, a zero length followed by
 *       data) in the last segment with no good record anywhere after it: the remains of a write
 *       that a crash interrupted, a process killed in the middle of a record or pages that a power
 *       failure kept from the disk. It is reported as {@link Result#tornAt}, and recovery cuts it
 *       off with a warning;
 *   <li>a bad spot followed by a good record, or in any segment but the last: corruption, refused
 *       with a {@link JournalException} naming the file and offset. Nothing is ever skipped.
 * </ul>
 */
final class SegmentScanner {
  /** What the scan found. */
  static final class Result {
    /** Where the good records end. */
    final int end;
    /** How many good records there are. */
    final long records;
    /** Where the remains of a torn write start, or -1. */
    final int tornAt;
    /** Where they end: after them, the segment holds nothing but zeros. */
    final int tornEnd;

    Result(int end, long records, int tornAt, int tornEnd) {
      this.end = end;
      this.records = records;
      this.tornAt = tornAt;
      this.tornEnd = tornEnd;
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
      if (length == 0 && zerosFrom(contents, position, size)) {
        return new Result(position, record - segment.header.firstRecord, -1, -1);
      }
      int bodyStart = position + JournalFiles.RECORD_HEADER;
      if (!isRecord(contents, view, crc, position, size)) {
        return badSpot(segment, contents, view, crc, last, position, record, length == 0 ? "a record length of 0 (the end"
            + " of the records) followed by more data" : length < 0 || length > size - bodyStart
            ? "a record length of " + length + ", beyond the end of the segment"
            : "a record whose CRC32C does not match its contents");
      }
      if (record >= from) {
        sink.record(record, contents, bodyStart, length);
      }
      record++;
      position = bodyStart + length;
    }
    if (position < size && !zerosFrom(contents, position, size)) {
      return badSpot(segment, contents, view, crc, last, position, record, "a record header cut by the end of the segment");
    }
    return new Result(position, record - segment.header.firstRecord, -1, -1);
  }

  /**
   * What a bad spot at {@code position} is: in the last segment, with no good record anywhere
   * after it, the remains of a write that a crash interrupted (a process killed in the middle of a
   * record, or pages that a power failure kept from the disk), to be cut off; otherwise corruption.
   */
  private static Result badSpot(Segment segment, ByteBuffer contents, ByteBuffer view, CRC32C crc, boolean last,
      int position, long record, String what) {
    int dataEnd = lastNonZero(contents, position, segment.size) + 1;
    if (!last) {
      throw corrupt(segment, position, what + ", in a segment that is not the last one, which no crash can tear");
    }
    for (int candidate = position + 1; candidate <= dataEnd - JournalFiles.RECORD_HEADER; candidate++) {
      if (isRecord(contents, view, crc, candidate, dataEnd)) {
        throw corrupt(segment, position, what + ", followed by a good record at offset " + candidate
            + ", so it is not a write torn by a crash");
      }
    }
    return new Result(position, record - segment.header.firstRecord, position, dataEnd);
  }

  /** Whether a record with a length in range and a matching CRC32C starts at {@code position}, ending by {@code end}. */
  private static boolean isRecord(ByteBuffer contents, ByteBuffer view, CRC32C crc, int position, int end) {
    if (position > end - JournalFiles.RECORD_HEADER) {
      return false;
    }
    int length = contents.getInt(position);
    int bodyStart = position + JournalFiles.RECORD_HEADER;
    if (length <= 0 || length > end - bodyStart) {
      return false;
    }
    view.limit(bodyStart + length).position(bodyStart);
    crc.reset();
    crc.update(view);
    return (int) crc.getValue() == contents.getInt(position + 4);
  }

  /** The offset of the last byte before {@code to} that is not zero, or {@code from - 1} if there is none. */
  private static int lastNonZero(ByteBuffer contents, int from, int to) {
    int i = to;
    while (i - 8 >= from && contents.getLong(i - 8) == 0) {
      i -= 8;
    }
    while (i > from && contents.get(i - 1) == 0) {
      i--;
    }
    return i - 1;
  }

  static JournalException corrupt(Segment segment, int offset, String what) {
    return new JournalException("journal segment " + segment.file + " is corrupt at offset " + offset + ": " + what
        + ". Nothing was skipped: restore the file from a backup, or truncate it at that offset yourself to give up the"
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
