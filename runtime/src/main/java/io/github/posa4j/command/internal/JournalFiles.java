package io.github.posa4j.command.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The names of a journal directory's files and the constants of their format.
 *
 * <pre>
 * segment-&lt;first record, 20 digits&gt;.journal
 *   header:  int magic "PJNL" | int format version | int header length | header | int CRC32C of header
 *   header:  long first record | varint undo depth | string receiver | varint n | n x (string command, string signature)
 *   records: int body length | int CRC32C of body | body      (until a length of 0: the zeros
 *            the segment was allocated with)
 *   body:    byte kind | COMMAND: varint command index, arguments
 *                      | MACRO:   varint n, n x (varint command index, arguments)
 *                      | UNDO | REDO
 * snapshot-&lt;records before it, 20 digits&gt;.snapshot
 *   int magic "PSNP" | int format version | int body length | body | int CRC32C of body
 * </pre>
 */
final class JournalFiles {
  static final int SEGMENT_MAGIC = 0x504A4E4C; // "PJNL"
  static final int SNAPSHOT_MAGIC = 0x50534E50; // "PSNP"
  static final int FORMAT_VERSION = 1;
  /** Length and CRC before each record's body. */
  static final int RECORD_HEADER = 8;

  static final byte COMMAND = 1;
  static final byte MACRO = 2;
  static final byte UNDO = 3;
  static final byte REDO = 4;

  static final String LOCK = "journal.lock";
  private static final String SEGMENT_PREFIX = "segment-";
  private static final String SEGMENT_SUFFIX = ".journal";
  private static final String SNAPSHOT_PREFIX = "snapshot-";
  private static final String SNAPSHOT_SUFFIX = ".snapshot";
  static final String TEMPORARY_SUFFIX = ".tmp";

  private JournalFiles() {}

  static Path segment(Path directory, long firstRecord) {
    return directory.resolve(SEGMENT_PREFIX + String.format(Locale.ROOT, "%020d", firstRecord) + SEGMENT_SUFFIX);
  }

  static Path snapshot(Path directory, long records) {
    return directory.resolve(SNAPSHOT_PREFIX + String.format(Locale.ROOT, "%020d", records) + SNAPSHOT_SUFFIX);
  }

  static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
  }

  /** The first record of a segment file named {@code name}, or -1 if it is not one. */
  static long segmentNumber(String name) {
    return number(name, SEGMENT_PREFIX, SEGMENT_SUFFIX);
  }

  /** The records before a snapshot file named {@code name}, or -1 if it is not one. */
  static long snapshotNumber(String name) {
    return number(name, SNAPSHOT_PREFIX, SNAPSHOT_SUFFIX);
  }

  private static long number(String name, String prefix, String suffix) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length() != prefix.length() + 20 + suffix.length()) {
      return -1;
    }
    String digits = name.substring(prefix.length(), prefix.length() + 20);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String kindName(byte kind) {
    switch (kind) {
      case COMMAND:
        return "command";
      case MACRO:
        return "macro";
      case UNDO:
        return "undo";
      case REDO:
        return "redo";
      default:
        return "unknown kind " + kind;
    }
  }
}
