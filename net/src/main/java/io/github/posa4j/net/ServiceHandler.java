package io.github.posa4j.net;

import java.nio.ByteBuffer;

/**
 * The service side of a connection (POSA2's Acceptor-Connector calls it the service handler): what
 * an application does with the frames of one connection, whichever transport runs it. An
 * {@link Acceptor} creates one per accepted connection; a {@link Connector} is given one per
 * connection it opens.
 *
 * <p>The transport calls a handler from one thread at a time, in order: {@link #onOpen} first,
 * then {@link #onFrame} and {@link #onWritable} as they happen, and {@link #onClose} last, exactly
 * once. On the {@link Reactor} that thread is always the connection's event loop; on the
 * {@link Proactor} it is one of its completion threads. Either way a handler must not block: a
 * blocked handler holds up every connection of its loop (Reactor) or a completion thread
 * (Proactor). Hand slow work to an executor and {@link Connection#send send} its answer from there.
 *
 * <p>An exception thrown by a callback aborts that connection (with
 * {@link CloseReason.Kind#HANDLER_FAILED}) and never harms another connection.
 */
public interface ServiceHandler {

  /** The connection is established (and, with TLS, its handshake done); frames may be sent. */
  default void onOpen(Connection connection) {}

  /**
   * A whole frame arrived. {@code frame} holds its payload from its position to its limit and is
   * valid only during this call: the transport reuses it for the next frame, so copy what must
   * outlive the call. Reading the buffer is all a handler may do with it.
   */
  void onFrame(Connection connection, ByteBuffer frame);

  /**
   * The connection's write queue, which had filled up to {@link NetOptions#writeQueueBytes()}
   * (so that {@link Connection#send} refused frames and reading was paused), has drained to half
   * of it: {@link Connection#send} accepts frames again.
   */
  default void onWritable(Connection connection) {}

  /** The connection is closed, for {@code reason}; nothing more will be called for it. */
  default void onClose(Connection connection, CloseReason reason) {}
}
