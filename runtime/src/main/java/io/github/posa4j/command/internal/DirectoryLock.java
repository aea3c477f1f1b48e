package io.github.posa4j.command.internal;

import io.github.posa4j.command.JournalException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a processor holds on its journal directory for as long as it is open, so that two
 * processors, in one JVM or two, never write the same journal. The operating system releases it
 * when the process dies, so a crashed processor never leaves it behind.
 */
final class DirectoryLock implements Closeable {
  private final FileChannel channel;

  private DirectoryLock(FileChannel channel) {
    this.channel = channel;
  }

  static DirectoryLock acquire(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(JournalFiles.LOCK);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new JournalException("journal " + directory + " is already open in this JVM by another command processor;"
          + " close that one first, or give this one its own directory");
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new JournalException("journal " + directory + " is held by another process" + holder
          + "; stop that process first, or give this processor its own directory");
    }
    try {
      // Only for the message another process gets: the lock itself is what counts.
      byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
    } catch (IOException e) {
      // a full disk: the lock holds all the same
    }
    return new DirectoryLock(channel);
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer bytes = ByteBuffer.allocate(20);
      int read = channel.read(bytes, 0);
      String pid = read > 0 ? new String(bytes.array(), 0, read, StandardCharsets.US_ASCII).trim() : "";
      return pid.matches("[0-9]+") ? " (process " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Releases the lock; closing the channel releases it, once. */
  @Override
  public void close() throws IOException {
    channel.close();
  }
}
