package io.github.posa4j.command.internal;

import io.github.posa4j.codec.CodecException;
import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.command.JournalException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One segment file of a journal, allocated in full when created (so that a full disk shows up
 * then, as an {@code IOException}, and never later, in the middle of a record) and mapped into
 * memory. A record written to the mapping is in the operating system's page cache at once, which
 * a process crash does not lose; {@link #sync} forces it to the device.
 *
 * <p>Only the processor's thread writes; the background syncer of an {@code ASYNC} journal may
 * call {@link #sync} at the same time.
 */
final class Segment implements Closeable {
  /**
   * How much of a new segment each write fills with zeros: one page (4 KiB), at page boundaries.
   * The page cache holds a file in folios as large as the writes that filled it (ext4 since Linux
   * 6.16 and XFS use large folios), and a store through the mapping dirties its whole folio, which
   * the next sync writes in full: zeros written 1 MiB at a time made each sync of a few records
   * write 1 MiB, several times the cost of writing one page.
   */
  private static final int ZERO_WRITE = 4 << 10;

  final Path file;
  final SegmentHeader header;
  private final FileChannel channel;
  private final MappedByteBuffer map;
  /** Where the first record starts. */
  final int dataStart;
  final int size;
  /** Where the next record goes: the end of the records. */
  private int end;
  /** How far the records are forced to the device. */
  private volatile int synced;
  private final CRC32C crc = new CRC32C();

  private Segment(Path file, SegmentHeader header, FileChannel channel, MappedByteBuffer map, int dataStart) {
    this.file = file;
    this.header = header;
    this.channel = channel;
    this.map = map;
    this.dataStart = dataStart;
    this.size = map.capacity();
    this.end = dataStart;
    this.synced = dataStart;
  }

  /**
   * Creates the segment file for {@code header}, allocated to {@code size} bytes: written in full
   * under a temporary name, forced, and then renamed, so that a crash never leaves half a segment.
   */
  static Segment create(Path directory, SegmentHeader header, long size, StorageFaults faults) throws IOException {
    Path spare = allocate(JournalFiles.temporary(JournalFiles.segment(directory, header.firstRecord)), size);
    return activate(spare, directory, header, size, faults);
  }

  /**
   * Allocates {@code file}, a file of {@code size} zeros, and forces it: a segment to be, which
   * {@link #activate} turns into one. Its name ends in {@code .tmp}, so that recovery deletes it if
   * a crash leaves it behind.
   */
  static Path allocate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_WRITE);
      for (long position = 0; position < size; ) {
        long next = Math.min(size, (position / ZERO_WRITE + 1) * ZERO_WRITE);
        zeros.clear().limit((int) (next - position));
        writeFully(channel, zeros, position);
        position = next;
      }
      channel.force(true);
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /**
   * Writes {@code header} at the start of the allocated file {@code spare}, forces it, and renames
   * it to the segment's name: the segment exists whole, or not at all.
   */
  static Segment activate(Path spare, Path directory, SegmentHeader header, long size, StorageFaults faults)
      throws IOException {
    Path file = JournalFiles.segment(directory, header.firstRecord);
    try {
      faults.beforeCreate(file);
      CodecOutput out = new CodecOutput(256);
      header.encode(out);
      byte[] headerBytes = out.toByteArray();
      ByteBuffer prefix = ByteBuffer.allocate(12 + headerBytes.length + 4);
      prefix.putInt(JournalFiles.SEGMENT_MAGIC).putInt(JournalFiles.FORMAT_VERSION).putInt(headerBytes.length)
          .put(headerBytes).putInt(crc32c(headerBytes, 0, headerBytes.length)).flip();
      if (prefix.remaining() > size / 2) {
        throw new IOException("the header of " + file + " takes " + prefix.remaining() + " bytes, too many for a segment"
            + " of " + size + " bytes: raise CommandOptions segmentSize");
      }
      try (FileChannel channel = FileChannel.open(spare, StandardOpenOption.WRITE)) {
        if (channel.size() != size) {
          throw new IOException("the allocated file " + spare + " has " + channel.size() + " bytes, not " + size);
        }
        writeFully(channel, prefix, 0);
        channel.force(true);
      }
      Files.move(spare, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spare);
      throw e;
    }
    try {
      syncDirectory(directory);
      return open(file);
    } catch (IOException | RuntimeException e) {
      // Never leave an empty segment behind that the journal does not write: recovery would read it as the next one.
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /**
   * Opens an existing segment file and reads its header; the records are read by
   * {@link SegmentScanner}.
   */
  static Segment open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long length = channel.size();
      if (length < 16 || length > Integer.MAX_VALUE) {
        throw new JournalException("journal segment " + file + " has " + length + " bytes, which no segment has;"
            + " it is not a posa4j journal segment, or it was cut short: restore it from a backup or move it away");
      }
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
      int magic = map.getInt(0);
      int version = map.getInt(4);
      int headerLength = map.getInt(8);
      if (magic != JournalFiles.SEGMENT_MAGIC) {
        throw new JournalException("journal segment " + file + " does not start with posa4j's segment mark at offset 0;"
            + " move the file out of the journal directory");
      }
      if (version != JournalFiles.FORMAT_VERSION) {
        throw new JournalException("journal segment " + file + " has format version " + version + " at offset 4, but this"
            + " posa4j reads version " + JournalFiles.FORMAT_VERSION + "; open it with the posa4j that wrote it");
      }
      if (headerLength < 0 || headerLength > length - 16) {
        throw new JournalException("journal segment " + file + " is corrupt at offset 8: a header length of " + headerLength);
      }
      int expected = map.getInt(12 + headerLength);
      CRC32C crc = new CRC32C();
      crc.update(map.duplicate().position(12).limit(12 + headerLength));
      if ((int) crc.getValue() != expected) {
        throw new JournalException("journal segment " + file + " is corrupt at offset 12: its header fails its CRC32C check;"
            + " restore the file from a backup");
      }
      SegmentHeader header;
      try {
        header = SegmentHeader.decode(new CodecInput(map.duplicate().position(12).limit(12 + headerLength)));
      } catch (CodecException e) {
        throw new JournalException("journal segment " + file + " is corrupt at offset 12: " + e.getMessage(), e);
      }
      return new Segment(file, header, channel, map, 12 + headerLength + 4);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The mapped file, for reading records; positions are file offsets. */
  ByteBuffer contents() {
    return map.duplicate();
  }

  /** Whether a record with a body of {@code bodyLength} bytes fits after the records. */
  boolean fits(int bodyLength) {
    return (long) end + JournalFiles.RECORD_HEADER + bodyLength <= size;
  }

  /** Appends a record whose body is the first {@code length} bytes of {@code body}. */
  void append(byte[] body, int length) {
    crc.reset();
    crc.update(body, 0, length);
    map.putInt(end, length);
    map.putInt(end + 4, (int) crc.getValue());
    map.put(end + JournalFiles.RECORD_HEADER, body, 0, length);
    end += JournalFiles.RECORD_HEADER + length;
  }

  /** Where the next record goes. */
  int end() {
    return end;
  }

  /**
   * Sets where the records end, after recovery found their end, or to take back the records
   * after {@code newEnd}, whose bytes it sets to zero again (see {@link #zero}: a crash part way
   * may leave some of them, never a journal that recovery refuses).
   */
  void truncate(int newEnd) {
    zero(newEnd, end);
    end = newEnd;
    if (synced > newEnd) {
      synced = newEnd;
    }
  }

  /**
   * Sets the remains of a torn write, from {@code from} to {@code to}, back to zero, as they were
   * allocated, and forces them, so that the next record starts on clean ground.
   */
  void eraseTorn(int from, int to) throws IOException {
    zero(from, to);
    try {
      map.force(from, to - from);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Sets the bytes from {@code from} to {@code to} to zero, the last first, so that a process
   * killed part way leaves what recovery takes for a torn record again: a length still standing
   * before a tail of zeros. Zeroing the length first would leave a length of 0 with data after
   * it, which recovery refuses as corruption.
   */
  private void zero(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      map.put(i, (byte) 0);
    }
  }

  /** After recovery: the records end at {@code recoveredEnd}, all of them on the device already. */
  void recovered(int recoveredEnd) {
    end = recoveredEnd;
    synced = recoveredEnd;
  }

  /** How far the records are known to be on the device. */
  int syncedOffset() {
    return synced;
  }

  /** Whether records were written after the last sync. */
  boolean unsynced() {
    return synced < end;
  }

  /** Forces the records written so far to the device. */
  void sync(StorageFaults faults) throws IOException {
    int to = end;
    int from = synced;
    if (from >= to) {
      return;
    }
    faults.beforeSync(file);
    try {
      map.force(from, to - from);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    synced = to;
  }

  /** Forces every byte of the mapping, for an {@code ASYNC} journal's background syncer. */
  void syncAll(StorageFaults faults) throws IOException {
    int to = end;
    faults.beforeSync(file);
    try {
      map.force();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (synced < to) {
      synced = to;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return file.toString();
  }

  static int crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename is then as durable as they make it.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }
}
