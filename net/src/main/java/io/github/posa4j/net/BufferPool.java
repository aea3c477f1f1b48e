package io.github.posa4j.net;

import java.nio.ByteBuffer;

/**
 * Direct buffers of one size, reused: the chunks of write queues and the partial frames of
 * connections. A bounded stack under a lock: taking and giving back allocate nothing, and at most
 * {@code retained} buffers are kept (the rest are left to the collector).
 */
final class BufferPool {
  /** The size of a write-queue chunk: 16 KiB, a TLS record's worth of plain text. */
  public static final int CHUNK_BYTES = 16 << 10;

  /** The size of a buffer that holds a partial frame of up to 128 KiB, header included. */
  public static final int FRAME_BYTES = 128 << 10;
  /** The size of a buffer that holds the first bytes of a partial frame, until more arrive. */
  public static final int LEFTOVER_BYTES = 4 << 10;

  private static final BufferPool CHUNKS = new BufferPool(CHUNK_BYTES, 4096);
  /** The size of a Proactor connection's read buffer while it reads little. */
  public static final int READ_BYTES = 16 << 10;
  /** The size of a Proactor connection's read buffer while its reads fill the small one. */
  public static final int LARGE_READ_BYTES = 64 << 10;

  private static final BufferPool FRAMES = new BufferPool(FRAME_BYTES, 256);
  private static final BufferPool LEFTOVERS = new BufferPool(LEFTOVER_BYTES, 4096);
  private static final BufferPool READS = new BufferPool(READ_BYTES, 1024);
  private static final BufferPool LARGE_READS = new BufferPool(LARGE_READ_BYTES, 256);

  private final int size;
  private final ByteBuffer[] free;
  private int count;

  BufferPool(int size, int retained) {
    this.size = size;
    this.free = new ByteBuffer[retained];
  }

  /** The pool of {@value #CHUNK_BYTES}-byte chunks every transport of this JVM shares. */
  public static BufferPool chunks() {
    return CHUNKS;
  }

  /** The pool of {@value #FRAME_BYTES}-byte buffers for partial frames every transport of this JVM shares. */
  public static BufferPool frames() {
    return FRAMES;
  }

  /** The pool of {@value #LEFTOVER_BYTES}-byte buffers for the first bytes of partial frames. */
  public static BufferPool leftovers() {
    return LEFTOVERS;
  }

  /** The pool of the Proactor's {@value #READ_BYTES}-byte read buffers. */
  public static BufferPool reads() {
    return READS;
  }

  /** The pool of the Proactor's {@value #LARGE_READ_BYTES}-byte read buffers, for busy connections. */
  public static BufferPool largeReads() {
    return LARGE_READS;
  }

  /** The size of every buffer of this pool. */
  public int size() {
    return size;
  }

  /** A cleared buffer of {@link #size()} bytes. */
  public ByteBuffer take() {
    synchronized (this) {
      if (count > 0) {
        ByteBuffer buffer = free[--count];
        free[count] = null;
        return buffer;
      }
    }
    return ByteBuffer.allocateDirect(size);
  }

  /** Gives {@code buffer} back; it must not be used afterwards. */
  public void give(ByteBuffer buffer) {
    if (buffer.capacity() != size) {
      return;
    }
    buffer.clear();
    synchronized (this) {
      if (count < free.length) {
        free[count++] = buffer;
      }
    }
  }

  /** How many buffers wait in the pool now. */
  public synchronized int pooled() {
    return count;
  }
}
