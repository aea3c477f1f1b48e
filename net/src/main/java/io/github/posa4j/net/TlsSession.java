package io.github.posa4j.net;

import io.github.posa4j.net.NetOptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One connection's {@link SSLEngine} and its two network buffers: the encrypted bytes read and not
 * yet decrypted ({@link #netIn}), and the encrypted bytes made and not yet written
 * ({@link #netOut}), both kept in write mode. The transport reads into the one and writes from
 * the other; this class only turns bytes into bytes, so that both transports share it.
 */
final class TlsSession {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  /** What {@link #unwrap} found. */
  public enum Unwrapped {
    /** Every whole record was decrypted; more bytes are needed for the next. */
    NEEDS_MORE,
    /** The peer sent its {@code close_notify}. */
    CLOSED
  }

  private final SSLEngine engine;
  private ByteBuffer netIn;
  private final ByteBuffer netOut;

  private TlsSession(SSLEngine engine) {
    this.engine = engine;
    int packet = engine.getSession().getPacketBufferSize();
    this.netIn = ByteBuffer.allocateDirect(packet);
    this.netOut = ByteBuffer.allocateDirect(packet);
  }

  /** The server side of a connection accepted from {@code peer}. */
  public static TlsSession server(SSLContext context, NetOptions options) {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setNeedClientAuth(options.tlsNeedClientAuth());
    return new TlsSession(engine);
  }

  /** The client side of a connection to {@code server}, checking its host name unless told not to. */
  public static TlsSession client(SSLContext context, NetOptions options, InetSocketAddress server) {
    SSLEngine engine = context.createSSLEngine(server.getHostString(), server.getPort());
    engine.setUseClientMode(true);
    if (options.tlsVerifyHostname()) {
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(parameters);
    }
    return new TlsSession(engine);
  }

  /** Starts the handshake: the engine then says what it needs ({@link #status()}). */
  public void begin() throws SSLException {
    engine.beginHandshake();
  }

  /** Whether the handshake is still going on. */
  public boolean handshaking() {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
  }

  /** What the engine waits for now. */
  public HandshakeStatus status() {
    return engine.getHandshakeStatus();
  }

  /** Encrypted bytes read and not yet decrypted, in write mode: read the socket into it. */
  public ByteBuffer netIn() {
    return netIn;
  }

  /** Encrypted bytes made and not yet written, in write mode. */
  public ByteBuffer netOut() {
    return netOut;
  }

  /** Runs the engine's delegated tasks (certificate checks) on the calling thread. */
  public void runTasks() {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  /** Makes the handshake's next message into {@link #netOut}, which must be empty. */
  public void wrapHandshake() throws SSLException {
    SSLEngineResult result = engine.wrap(EMPTY, netOut);
    if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
      throw new SSLException("a handshake message does not fit in a packet buffer of " + netOut.capacity() + " bytes");
    }
  }

  /**
   * Encrypts plain bytes from {@code sources[0..count)} into {@link #netOut}, which must be empty:
   * one record, at most 16 KiB of them.
   *
   * @return the number of plain bytes consumed
   */
  public int wrap(ByteBuffer[] sources, int count) throws SSLException {
    SSLEngineResult result = engine.wrap(sources, 0, count, netOut);
    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
      throw new SSLException("the TLS session is closed: nothing more can be sent");
    }
    return result.bytesConsumed();
  }

  /** Makes the {@code close_notify} into {@link #netOut}. */
  public void closeOutbound() throws SSLException {
    engine.closeOutbound();
    while (!engine.isOutboundDone() && netOut.remaining() > 0) {
      SSLEngineResult result = engine.wrap(EMPTY, netOut);
      if (result.bytesProduced() == 0) {
        break;
      }
    }
  }

  /**
   * Decrypts the whole records in {@link #netIn} into {@code plain}, handing each record's bytes
   * to {@code sink} as soon as it is decrypted (so that {@code plain} need only hold one record);
   * stops early, leaving the rest in {@code netIn}, when the handshake needs to send or
   * {@code sink} returns {@code false}.
   */
  public Unwrapped unwrap(ByteBuffer plain, PlainSink sink) throws SSLException {
    netIn.flip();
    try {
      while (netIn.hasRemaining()) {
        plain.clear();
        SSLEngineResult result = engine.unwrap(netIn, plain);
        switch (result.getStatus()) {
          case CLOSED:
            return Unwrapped.CLOSED;
          case BUFFER_UNDERFLOW:
            if (netIn.position() == 0 && netIn.limit() == netIn.capacity()) {
              growNetIn(); // a record larger than the buffer (the engine allows up to 33,093 bytes)
            }
            return Unwrapped.NEEDS_MORE;
          case BUFFER_OVERFLOW:
            throw new SSLException("a record does not fit in a buffer of " + plain.capacity() + " bytes");
          default:
            break;
        }
        if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
          runTasks();
        }
        if (result.bytesProduced() > 0) {
          plain.flip();
          if (!sink.plain(plain)) {
            return Unwrapped.NEEDS_MORE;
          }
        }
        HandshakeStatus status = engine.getHandshakeStatus();
        if (status == HandshakeStatus.NEED_WRAP || status == HandshakeStatus.NEED_TASK) {
          return Unwrapped.NEEDS_MORE; // the caller makes what the handshake needs, then reads on
        }
        if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
          return Unwrapped.NEEDS_MORE;
        }
      }
      return engine.isInboundDone() ? Unwrapped.CLOSED : Unwrapped.NEEDS_MORE;
    } finally {
      netIn.compact();
    }
  }

  /**
   * Makes {@link #netIn} as large as the engine's packet size now, which it enlarges for peers that
   * send records larger than the standard's; called with {@code netIn} flipped and full, so that
   * reading goes on instead of finding no room (a peer could otherwise keep a thread spinning).
   */
  private void growNetIn() throws SSLException {
    int size = engine.getSession().getPacketBufferSize();
    if (size <= netIn.capacity()) {
      throw new SSLException("a TLS record does not fit in " + netIn.capacity() + " bytes");
    }
    ByteBuffer bigger = ByteBuffer.allocateDirect(size);
    bigger.put(netIn);
    bigger.flip(); // read mode, as netIn was: the finally of unwrap compacts it
    netIn = bigger;
  }

  /** The size a buffer for decrypted bytes needs. */
  public int plainBufferSize() {
    return engine.getSession().getApplicationBufferSize();
  }

  /** Where decrypted bytes go. */
  public interface PlainSink {
    /** Decrypted bytes, from {@code plain}'s position to its limit; {@code false} to stop decrypting. */
    boolean plain(ByteBuffer plain);
  }
}
