package io.github.posa4j.net;

import java.util.Objects;
import java.util.Optional;

/** Why a connection closed: what happened, a sentence that says it, and the exception behind it if any. */
public final class CloseReason {

  /** What closed a connection. */
  public enum Kind {
    /** This end closed it gracefully ({@link Connection#close()}), after writing what was queued. */
    CLOSED,
    /** This end aborted it ({@link Connection#abort()}), discarding what was queued. */
    ABORTED,
    /** The peer closed its end: end of stream, or a TLS {@code close_notify}. */
    PEER_CLOSED,
    /** The peer reset the connection, or reading or writing it failed. */
    IO_ERROR,
    /** The peer announced a frame longer than {@link NetOptions#maxFrameBytes()}. */
    FRAME_TOO_LARGE,
    /** Nothing was read for {@link NetOptions#idleTimeout()}. */
    IDLE,
    /** The TLS handshake failed, or a TLS record was invalid. */
    TLS_FAILED,
    /** A callback of the connection's {@link ServiceHandler} threw. */
    HANDLER_FAILED,
    /** Its transport was closed. */
    TRANSPORT_CLOSED
  }

  private final Kind kind;
  private final String message;
  private final Throwable cause;

  private CloseReason(Kind kind, String message, Throwable cause) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.message = Objects.requireNonNull(message, "message");
    this.cause = cause;
  }

  /** A reason of {@code kind}, described by {@code message}. */
  public static CloseReason of(Kind kind, String message) {
    return new CloseReason(kind, message, null);
  }

  /** A reason of {@code kind}, described by {@code message}, caused by {@code cause}. */
  public static CloseReason of(Kind kind, String message, Throwable cause) {
    return new CloseReason(kind, message, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** A sentence that says what happened, naming the limit or the failure. */
  public String message() {
    return message;
  }

  /** The exception behind it, for {@link Kind#IO_ERROR}, {@link Kind#TLS_FAILED} and {@link Kind#HANDLER_FAILED}. */
  public Optional<Throwable> cause() {
    return Optional.ofNullable(cause);
  }

  /** Whether this end closed the connection on purpose: {@link Kind#CLOSED}, {@link Kind#ABORTED} or {@link Kind#TRANSPORT_CLOSED}. */
  public boolean byThisEnd() {
    return kind == Kind.CLOSED || kind == Kind.ABORTED || kind == Kind.TRANSPORT_CLOSED;
  }

  @Override
  public String toString() {
    return kind + ": " + message + (cause == null ? "" : " (" + cause + ")");
  }
}
