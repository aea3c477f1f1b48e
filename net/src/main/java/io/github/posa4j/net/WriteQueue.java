package io.github.posa4j.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The frames a connection has yet to write, encoded (length, then payload) into pooled 16 KiB
 * chunks: small frames share a chunk, so that one write system call carries many of them. Bounded:
 * {@link #offer} refuses a frame once {@code limit} bytes wait, so a queue never holds more than
 * the limit plus one frame. Once full, it reports {@link #written} draining it to half the limit,
 * the moment to tell the handler it may send again.
 *
 * <p>Any thread may {@link #offer}; one thread at a time (the connection's) takes the bytes out,
 * with {@link #gather} and {@link #written}, and writes them without holding the lock, while
 * others go on appending.
 */
final class WriteQueue {
  private static final int HEADER = 4;

  /** A pooled chunk: the producers' view (appending at its position) and the writer's. */
  static final class Chunk {
    private static final Object POOL_LOCK = new Object();
    private static final Chunk[] POOL = new Chunk[4096];
    private static int pooled;

    final ByteBuffer fill;
    final ByteBuffer drain;

    private Chunk(ByteBuffer memory) {
      this.fill = memory;
      this.drain = memory.duplicate();
    }

    static Chunk take() {
      synchronized (POOL_LOCK) {
        if (pooled > 0) {
          Chunk chunk = POOL[--pooled];
          POOL[pooled] = null;
          return chunk;
        }
      }
      return new Chunk(ByteBuffer.allocateDirect(BufferPool.CHUNK_BYTES));
    }

    void give() {
      fill.clear();
      drain.clear().limit(0);
      synchronized (POOL_LOCK) {
        if (pooled < POOL.length) {
          POOL[pooled++] = this;
        }
      }
    }
  }

  private final int limit;
  private final ArrayDeque<Chunk> chunks = new ArrayDeque<>(2);
  /** Bytes offered and not yet written. */
  private int queued;
  private boolean full;
  /** Set by {@link #written} when it drained a full queue to half, until {@link #takeWritableAgain}. */
  private boolean writableAgain;
  private boolean closed;

  public WriteQueue(int limit) {
    this.limit = limit;
  }

  /**
   * Appends {@code payload}'s remaining bytes as one frame, leaving its position and limit as
   * they were; or refuses it when the queue is full or closed.
   */
  public synchronized boolean offer(ByteBuffer payload) {
    if (closed) {
      return false;
    }
    if (queued >= limit) {
      full = true;
      return false;
    }
    int length = payload.remaining();
    putHeader(length);
    int from = payload.position();
    int left = length;
    while (left > 0) {
      Chunk tail = tailWithRoom();
      int n = Math.min(left, tail.fill.remaining());
      tail.fill.put(tail.fill.position(), payload, from, n);
      tail.fill.position(tail.fill.position() + n);
      from += n;
      left -= n;
    }
    queued += HEADER + length;
    if (queued >= limit) {
      full = true;
    }
    return true;
  }

  private void putHeader(int length) {
    Chunk tail = tailWithRoom();
    if (tail.fill.remaining() >= HEADER) {
      tail.fill.putInt(length);
      return;
    }
    for (int shift = 24; shift >= 0; shift -= 8) {
      tailWithRoom().fill.put((byte) (length >>> shift));
    }
  }

  private Chunk tailWithRoom() {
    Chunk tail = chunks.peekLast();
    if (tail == null || !tail.fill.hasRemaining()) {
      tail = Chunk.take();
      chunks.addLast(tail);
    }
    return tail;
  }

  /**
   * Puts the writer's views of the chunks that hold unwritten bytes into {@code out}, first first,
   * each from its first unwritten byte to the last byte appended so far.
   *
   * @return how many views it put, 0 when nothing waits
   */
  public synchronized int gather(ByteBuffer[] out) {
    int n = 0;
    for (Chunk chunk : chunks) {
      if (n == out.length) {
        break;
      }
      chunk.drain.limit(chunk.fill.position());
      if (chunk.drain.hasRemaining()) {
        out[n++] = chunk.drain;
      }
    }
    return n;
  }

  /**
   * Writes what waits to {@code channel}, in as few calls as it takes (until the channel takes no
   * more). For the thread that writes.
   *
   * @return the number of bytes written
   */
  public long writeTo(GatheringByteChannel channel, ByteBuffer[] scratch) throws IOException {
    long total = 0;
    while (true) {
      int n = gather(scratch);
      if (n == 0) {
        return total;
      }
      long written = channel.write(scratch, 0, n);
      Arrays.fill(scratch, 0, n, null);
      if (written <= 0) {
        return total;
      }
      total += written;
      written(written);
    }
  }

  /** Whether a full queue drained to half since this was last asked; clears it. */
  public synchronized boolean takeWritableAgain() {
    boolean again = writableAgain;
    writableAgain = false;
    return again;
  }

  /**
   * Records that the writer wrote {@code bytes} from the views {@link #gather} gave it (their
   * positions have moved), and gives fully written chunks back to the pool.
   *
   * @return whether the queue was full and has now drained to half its limit
   */
  public synchronized boolean written(long bytes) {
    queued -= (int) bytes;
    while (!chunks.isEmpty()) {
      Chunk head = chunks.peekFirst();
      if (head.drain.position() < head.fill.position()) {
        break;
      }
      chunks.pollFirst().give(); // an idle connection holds no chunk
    }
    if (full && queued <= limit / 2) {
      full = false;
      writableAgain = true;
      return true;
    }
    return false;
  }

  /** Bytes offered and not yet written. */
  public synchronized int queuedBytes() {
    return queued;
  }

  public synchronized boolean isEmpty() {
    return queued == 0;
  }

  /** Whether {@link #offer} refuses frames now. */
  public synchronized boolean isFull() {
    return queued >= limit || closed;
  }

  /** Refuses every later frame and gives the chunks back, discarding what waits. */
  public synchronized void close() {
    closed = true;
    queued = 0;
    Chunk chunk;
    while ((chunk = chunks.pollFirst()) != null) {
      chunk.give();
    }
  }
}
