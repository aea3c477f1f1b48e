package io.github.posa4j.net;

import java.nio.ByteBuffer;

/**
 * Cuts a connection's bytes into length-prefixed frames (a four-byte big-endian length, then the
 * payload) and hands each whole frame to a {@link Sink}. Frames that arrive whole in one read are
 * handed over in place, without a copy; only a frame split across reads, or the bytes left when
 * the sink stops accepting, are kept, in a pooled buffer (4 KiB for a few bytes, 128 KiB for up
 * to that, grown with what arrives beyond) that goes back to the pool as soon as it is empty (an
 * idle connection holds none).
 *
 * <p>Used by one thread at a time: the connection's.
 */
final class FrameDecoder {
  private static final int HEADER = 4;

  /** Where whole frames go. */
  public interface Sink {
    /** Whether another frame may be delivered now (not while reading is paused or the connection closes). */
    boolean accepting();

    /** A whole frame: its payload between {@code payload}'s position and limit, valid during the call. */
    void frame(ByteBuffer payload);

    /** The peer announced a frame of {@code length} bytes, above the maximum (or negative). */
    void tooLarge(long length);
  }

  private final int maxFrameBytes;
  /** Bytes kept between calls, in write mode; {@code null} when none are kept. */
  private ByteBuffer kept;
  /** Whether a call is under way: a sink that releases the decoder from a frame must not free what it reads. */
  private boolean busy;
  private boolean released;

  public FrameDecoder(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /**
   * Delivers every whole frame of {@code in} while the sink accepts, and keeps what is left (a
   * partial frame, or frames not delivered because the sink stopped accepting). {@code in} is
   * consumed entirely.
   *
   * @return {@code false} when a frame was too large (the sink was told; the connection must close)
   */
  public boolean decode(ByteBuffer in, Sink sink) {
    if (released) {
      return true;
    }
    busy = true;
    try {
      return decodeAll(in, sink);
    } finally {
      busy = false;
      if (released) {
        freeKept();
      }
    }
  }

  private boolean decodeAll(ByteBuffer in, Sink sink) {
    if (kept != null && hasWholeFrame()) {
      // Frames kept while the sink did not accept (a TLS session decrypts on): the rest goes behind them.
      append(in);
      return deliverKept(sink);
    }
    if (kept != null) {
      if (!completeKeptFrame(in, sink)) {
        return false;
      }
      if (kept != null) { // still partial, or whole but not accepted now: keep the rest behind it
        append(in);
        return true;
      }
    }
    if (!deliverWhole(in, sink)) {
      return false;
    }
    if (in.hasRemaining()) {
      keep(in);
    }
    return true;
  }

  /**
   * Delivers the whole frames kept (after reading was paused and is resumed) while the sink
   * accepts.
   *
   * @return {@code false} when a frame was too large
   */
  public boolean drainKept(Sink sink) {
    if (kept == null || released) {
      return true;
    }
    busy = true;
    try {
      return deliverKept(sink);
    } finally {
      busy = false;
      if (released) {
        freeKept();
      }
    }
  }

  private boolean deliverKept(Sink sink) {
    kept.flip();
    boolean ok = deliverWhole(kept, sink);
    kept.compact();
    releaseIfEmpty();
    return ok;
  }

  /** Whether a whole frame is kept, waiting for the sink to accept it. */
  public boolean hasWholeFrame() {
    if (kept == null || kept.position() < HEADER) {
      return false;
    }
    return kept.position() - HEADER >= kept.getInt(0);
  }

  /** Gives back what is kept, now or, when called from the sink, once the call returns: the connection is closed. */
  public void release() {
    released = true;
    if (!busy) {
      freeKept();
    }
  }

  private void freeKept() {
    if (kept != null) {
      give(kept);
      kept = null;
    }
  }

  /** The capacity of the buffer holding what is kept, 0 when none: for tests. */
  int keptCapacity() {
    return kept == null ? 0 : kept.capacity();
  }

  /** Bytes kept now, for tests and statistics. */
  public int keptBytes() {
    return kept == null ? 0 : kept.position();
  }

  private boolean deliverWhole(ByteBuffer in, Sink sink) {
    while (in.remaining() >= HEADER && sink.accepting()) {
      int start = in.position();
      int length = in.getInt(start);
      if (length < 0 || length > maxFrameBytes) {
        sink.tooLarge(length & 0xFFFFFFFFL);
        return false;
      }
      if (in.remaining() - HEADER < length) {
        break;
      }
      int end = start + HEADER + length;
      int limit = in.limit();
      in.limit(end).position(start + HEADER);
      try {
        sink.frame(in);
      } finally {
        in.limit(limit).position(end);
      }
    }
    return true;
  }

  /** Tops the kept partial frame up from {@code in} and delivers it once whole. */
  private boolean completeKeptFrame(ByteBuffer in, Sink sink) {
    while (kept.position() < HEADER && in.hasRemaining()) {
      kept.put(in.get());
    }
    if (kept.position() < HEADER) {
      return true;
    }
    int length = kept.getInt(0);
    if (length < 0 || length > maxFrameBytes) {
      sink.tooLarge(length & 0xFFFFFFFFL);
      return false;
    }
    int frameEnd = HEADER + length;
    int copy = Math.min(frameEnd - kept.position(), in.remaining());
    if (kept.remaining() < copy) {
      // Grows with what arrives, never straight to the announced length: a peer that announces a
      // large frame and sends it slowly holds only what it sent.
      grow(Math.max(kept.position() + copy, (int) Math.min(frameEnd, 2L * kept.capacity())));
    }
    kept.put(kept.position(), in, in.position(), copy);
    kept.position(kept.position() + copy);
    in.position(in.position() + copy);
    if (kept.position() < frameEnd) {
      return true;
    }
    return deliverKept(sink);
  }

  /** Keeps the rest of {@code in} (which is not {@link #kept}). */
  private void keep(ByteBuffer in) {
    kept = take(in.remaining());
    kept.put(in);
  }

  /** A buffer of at least {@code capacity} bytes: from a pool up to 128 KiB, else allocated. */
  private static ByteBuffer take(int capacity) {
    if (capacity <= BufferPool.LEFTOVER_BYTES) {
      return BufferPool.leftovers().take();
    }
    return capacity <= BufferPool.FRAME_BYTES ? BufferPool.frames().take() : ByteBuffer.allocate(capacity);
  }

  private static void give(ByteBuffer buffer) {
    if (buffer.capacity() == BufferPool.LEFTOVER_BYTES) {
      BufferPool.leftovers().give(buffer);
    } else {
      BufferPool.frames().give(buffer); // ignores a buffer of another size
    }
  }

  private void append(ByteBuffer in) {
    if (!in.hasRemaining()) {
      return;
    }
    if (kept.remaining() < in.remaining()) {
      grow(kept.position() + in.remaining());
    }
    kept.put(in);
  }

  private void grow(int capacity) {
    ByteBuffer bigger = take(capacity);
    kept.flip();
    bigger.put(kept);
    give(kept);
    kept = bigger;
  }

  private void releaseIfEmpty() {
    if (kept.position() == 0) {
      give(kept);
      kept = null;
    }
  }
}
