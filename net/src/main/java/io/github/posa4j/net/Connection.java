package io.github.posa4j.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One established connection, carrying length-prefixed frames: each frame is a four-byte
 * big-endian length followed by that many bytes of payload, at most
 * {@link NetOptions#maxFrameBytes()}. Every method may be called from any thread.
 */
public interface Connection {

  /**
   * Queues the remaining bytes of {@code payload} as one frame, copying them (the buffer may be
   * reused at once), and returns {@code true}; or returns {@code false} and queues nothing when
   * the connection is closed or its write queue holds {@link NetOptions#writeQueueBytes()} or more
   * (the peer is not reading fast enough: wait for {@link ServiceHandler#onWritable}).
   *
   * @throws IllegalArgumentException when the payload is longer than {@link NetOptions#maxFrameBytes()}
   */
  boolean send(ByteBuffer payload);

  /** Whether {@link #send} would accept a frame now. */
  boolean isWritable();

  /**
   * Stops reading this connection until {@link #resumeReading()}: a handler that cannot keep up
   * holds its peer back this way (the kernel's buffers fill, and then the peer's writes wait),
   * instead of buffering without bound. Reading also pauses by itself while the write queue is
   * full.
   */
  void pauseReading();

  /** Reads this connection again after {@link #pauseReading()}. */
  void resumeReading();

  /**
   * Closes gracefully: no frame is read or accepted any more, the frames already queued are
   * written (with TLS, then the {@code close_notify}), and then the connection is closed, with
   * {@link CloseReason.Kind#CLOSED}; if the peer does not take what is queued within
   * {@link NetOptions#connectTimeout()}, the connection is reset instead. {@link #isOpen()} and
   * {@link #send} see the close at once; the handler hears {@link ServiceHandler#onClose} once the
   * callback this was called from (if any) has returned. Does nothing when it is already closing.
   */
  void close();

  /**
   * Closes at once, discarding what is queued, with a TCP reset where the platform allows:
   * {@link CloseReason.Kind#ABORTED}. As for {@link #close()}, the handler hears
   * {@link ServiceHandler#onClose} after the current callback. Does nothing when it is already
   * closed.
   */
  void abort();

  /** Whether the connection is open: not yet closed nor closing. */
  boolean isOpen();

  /** The address of the peer. */
  InetSocketAddress remoteAddress();

  /** The local address of this end. */
  InetSocketAddress localAddress();

  /** A number unique among the connections of this JVM, for logs and events. */
  long id();
}
