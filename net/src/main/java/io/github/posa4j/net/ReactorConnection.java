package io.github.posa4j.net;

import io.github.posa4j.net.CloseReason;
import io.github.posa4j.net.CloseReason.Kind;
import io.github.posa4j.net.Connection;
import io.github.posa4j.net.NetOptions;
import io.github.posa4j.net.ServiceHandler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A connection on a {@link EventLoop}: its channel, its handler, its frame decoder and write
 * queue, and its TLS session when it has one. Everything but {@link #send} and the state checks
 * runs on the loop's thread; calls from other threads are passed to the loop.
 */
final class ReactorConnection implements Connection, EventLoop.Handler, FrameDecoder.Sink {
  private enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

  private final TransportContext transport;
  private final EventLoop loop;
  private final SocketChannel channel;
  private final ServiceHandler handler;
  private final boolean accepted;
  private final InetSocketAddress remote;
  private final long id = TransportContext.nextConnectionId();
  private final FrameDecoder decoder;
  private final WriteQueue queue;
  private final TlsSession tls;
  private final CompletableFuture<Connection> connected;
  private final Runnable onClosed;
  private static final AtomicIntegerFieldUpdater<ReactorConnection> FLUSH_SUBMITTED =
      AtomicIntegerFieldUpdater.newUpdater(ReactorConnection.class, "flushSubmitted");
  /** Runs {@link #flush} on the loop: at the end of a turn, or when another thread queued frames. */
  private final Runnable flush = this::flush;
  private final FrameDecoder.Sink sink = this;
  private final TlsSession.PlainSink plainSink;
  /** 1 while a flush asked for by another thread waits to run on the loop. */
  private volatile int flushSubmitted;

  private volatile State state;
  /** Set at once by {@link #close} and {@link #abort}, which finish on the connection's thread. */
  private volatile boolean closeAsked;
  private SelectionKey key;
  private InetSocketAddress local;
  private EventLoop.Timer establishTimer;
  private EventLoop.Timer closeTimer;
  private boolean flushAtEndOfTurn;
  private boolean userPaused;
  private Kind closingKind = Kind.CLOSED;
  private String closingMessage = "closed by this end";
  private long lastReadNanos;
  private long bytesRead;
  private long bytesWritten;

  private ReactorConnection(TransportContext transport, EventLoop loop, SocketChannel channel, ServiceHandler handler,
      boolean accepted, InetSocketAddress remote, CompletableFuture<Connection> connected, Runnable onClosed) {
    this.transport = transport;
    this.loop = loop;
    this.channel = channel;
    this.handler = handler;
    this.accepted = accepted;
    this.remote = remote;
    this.connected = connected;
    this.onClosed = onClosed;
    NetOptions options = transport.options();
    this.decoder = new FrameDecoder(options.maxFrameBytes());
    this.queue = new WriteQueue(options.writeQueueBytes());
    this.tls = options.tls()
        .map(context -> accepted ? TlsSession.server(context, options) : TlsSession.client(context, options, remote))
        .orElse(null);
    this.plainSink = tls == null ? null : this::decodePlain;
    this.state = accepted ? State.HANDSHAKING : State.CONNECTING;
  }

  /** A connection an acceptor accepted; {@link #start} it on {@code loop}. */
  public static ReactorConnection accepted(TransportContext transport, EventLoop loop, SocketChannel channel,
      ServiceHandler handler, Runnable onClosed) throws IOException {
    return new ReactorConnection(transport, loop, channel, handler, true,
        (InetSocketAddress) channel.getRemoteAddress(), null, onClosed);
  }

  /** A connection to {@code remote} being opened; {@link #start} it on {@code loop}. */
  public static ReactorConnection connecting(TransportContext transport, EventLoop loop, SocketChannel channel,
      ServiceHandler handler, InetSocketAddress remote, CompletableFuture<Connection> connected) {
    return new ReactorConnection(transport, loop, channel, handler, false, remote, connected, () -> {});
  }

  /** Registers the channel with the loop and begins: connecting, or the TLS handshake, or open at once. */
  public void start() {
    if (loop.isClosing()) {
      fail(Kind.TRANSPORT_CLOSED, "the transport was closed", null);
      return;
    }
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      long timeout = transport.options().connectTimeout().toNanos();
      if (state == State.CONNECTING) {
        boolean done = channel.connect(remote);
        key = loop.register(channel, done ? 0 : SelectionKey.OP_CONNECT, this);
        establishTimer = loop.schedule(timeout, this::establishTimedOut);
        if (done) {
          connectedSocket();
        }
      } else {
        key = loop.register(channel, 0, this);
        if (tls != null) {
          establishTimer = loop.schedule(timeout, this::establishTimedOut);
        }
        beginSession();
      }
    } catch (IOException | RuntimeException e) {
      fail(Kind.IO_ERROR, (state == State.CONNECTING ? "cannot connect to " : "cannot serve ") + remote + ": " + e, e);
    }
  }

  private void connectedSocket() throws IOException {
    local = (InetSocketAddress) channel.getLocalAddress();
    state = State.HANDSHAKING;
    beginSession();
  }

  private void beginSession() throws IOException {
    if (local == null) {
      local = (InetSocketAddress) channel.getLocalAddress();
    }
    if (tls == null) {
      open();
      return;
    }
    tls.begin();
    advanceHandshake();
  }

  private void open() {
    if (establishTimer != null) {
      establishTimer.cancel();
      establishTimer = null;
    }
    state = State.OPEN;
    lastReadNanos = System.nanoTime();
    transport.opened(id, remote, accepted);
    try {
      handler.onOpen(this);
    } catch (Throwable e) {
      if (connected != null) {
        ConnectException failure = new ConnectException("the handler's onOpen threw " + e);
        failure.initCause(e);
        connected.completeExceptionally(failure);
      }
      handlerFailed("onOpen", e);
      return;
    }
    if (connected != null) {
      connected.complete(this);
    }
    // Frames decrypted with the handshake's last messages were kept while it was not open.
    if (decoder.drainKept(sink)) {
      updateInterest();
    }
  }

  private void establishTimedOut() {
    establishTimer = null;
    if (state == State.CONNECTING || state == State.HANDSHAKING) {
      long millis = TimeUnit.NANOSECONDS.toMillis(transport.options().connectTimeout().toNanos());
      String what = state == State.CONNECTING ? "connecting to " + remote : "the TLS handshake with " + remote;
      fail(Kind.IO_ERROR, what + " did not finish within " + millis + " ms (connectTimeout)", null);
    }
  }

  @Override
  public void ready(int readyOps) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
        if (!channel.finishConnect()) {
          return;
        }
        connectedSocket();
        return;
      }
      if ((readyOps & SelectionKey.OP_WRITE) != 0) {
        if (state == State.HANDSHAKING) {
          advanceHandshake();
        } else {
          flush();
        }
      }
      if ((readyOps & SelectionKey.OP_READ) != 0 && state != State.CLOSED) {
        read();
      }
    } catch (SSLException e) {
      fail(Kind.TLS_FAILED, "TLS with " + remote + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      String what = state == State.CONNECTING ? "cannot connect to " : "the connection with ";
      fail(Kind.IO_ERROR, what + remote + (state == State.CONNECTING ? ": " : " failed: ") + e.getMessage(), e);
    }
  }

  // ---- reading

  private void read() throws IOException {
    for (int reads = 0; reads < 4 && wantsToRead(); reads++) {
      ByteBuffer buffer = tls != null ? tls.netIn() : loop.readBuffer();
      if (tls == null) {
        buffer.clear();
      }
      int n = channel.read(buffer);
      if (n < 0) {
        peerClosed("the peer closed the connection");
        return;
      }
      if (n == 0) {
        break;
      }
      lastReadNanos = System.nanoTime();
      bytesRead += n;
      transport.stats().read(n);
      if (tls != null) {
        if (state == State.HANDSHAKING) {
          advanceHandshake();
        } else if (!readTls()) {
          return;
        }
      } else {
        buffer.flip();
        if (!decoder.decode(buffer, sink)) {
          return;
        }
        if (n < buffer.capacity()) {
          break; // the socket is drained
        }
      }
    }
    updateInterest();
  }

  /** Decrypts what was read and decodes it; {@code false} when the connection closed. */
  private boolean readTls() throws IOException {
    TlsSession.Unwrapped outcome = tls.unwrap(loop.tlsPlainBuffer(tls.plainBufferSize()), plainSink);
    if (state == State.CLOSED) {
      return false;
    }
    if (outcome == TlsSession.Unwrapped.CLOSED) {
      peerClosed("the peer closed the TLS session");
      return false;
    }
    if (tls.handshaking()) {
      advanceHandshake(); // a key update or a renegotiation
    }
    return true;
  }

  private boolean decodePlain(ByteBuffer plain) {
    return decoder.decode(plain, sink) && state != State.CLOSED;
  }

  private boolean wantsToRead() {
    if (state == State.HANDSHAKING) {
      return true;
    }
    return state == State.OPEN && !userPaused && !queue.isFull() && !decoder.hasWholeFrame();
  }

  @Override
  public boolean accepting() {
    return state == State.OPEN && !closeAsked && !userPaused && !queue.isFull();
  }

  @Override
  public void frame(ByteBuffer payload) {
    transport.stats().frameRead();
    try {
      handler.onFrame(this, payload);
    } catch (Throwable e) {
      handlerFailed("onFrame", e);
    }
  }

  @Override
  public void tooLarge(long length) {
    fail(Kind.FRAME_TOO_LARGE, remote + " announced a frame of " + length + " bytes; the limit is "
        + transport.options().maxFrameBytes() + " (maxFrameBytes)", null);
  }

  private void peerClosed(String message) {
    // Half-closed by the peer: what is queued is still written, then the connection closes.
    if (state == State.OPEN) {
      state = State.CLOSING;
      closingKind = Kind.PEER_CLOSED;
      closingMessage = message;
      closeTimer = loop.schedule(transport.options().connectTimeout().toNanos(), this::closingTimedOut);
      flush();
    } else if (state != State.CLOSED) {
      closeNow(CloseReason.of(Kind.PEER_CLOSED, message));
    }
  }

  // ---- the TLS handshake

  private void advanceHandshake() throws IOException {
    while (state == State.HANDSHAKING || (state == State.OPEN && tls.handshaking())) {
      switch (tls.status()) {
        case NEED_TASK:
          tls.runTasks();
          break;
        case NEED_WRAP:
          if (!writeNetOut()) {
            setInterest(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
            return;
          }
          tls.wrapHandshake();
          if (!writeNetOut()) {
            setInterest(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
            return;
          }
          break;
        case NEED_UNWRAP:
        case NEED_UNWRAP_AGAIN:
          if (tls.netIn().position() == 0) {
            setInterest(SelectionKey.OP_READ);
            return;
          }
          int before = tls.netIn().position();
          TlsSession.Unwrapped outcome = tls.unwrap(loop.tlsPlainBuffer(tls.plainBufferSize()), plainSink);
          if (outcome == TlsSession.Unwrapped.CLOSED) {
            fail(Kind.TLS_FAILED, "the TLS handshake with " + remote + " was closed by the peer", null);
            return;
          }
          if (tls.netIn().position() == before && tls.status() != HandshakeStatus.NEED_WRAP
              && tls.status() != HandshakeStatus.NEED_TASK) {
            setInterest(SelectionKey.OP_READ); // a partial record: wait for the rest
            return;
          }
          break;
        default:
          if (state == State.HANDSHAKING) {
            if (!writeNetOut()) {
              setInterest(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
              return;
            }
            open();
            if (tls.netIn().position() > 0 && state == State.OPEN) {
              readTls(); // application data that came with the last handshake message
            }
          }
          return;
      }
    }
  }

  /** Writes what {@link TlsSession#netOut} holds; {@code true} when all of it went out. */
  private boolean writeNetOut() throws IOException {
    ByteBuffer out = tls.netOut();
    if (out.position() == 0) {
      return true;
    }
    out.flip();
    try {
      int n = channel.write(out);
      bytesWritten += n;
      transport.stats().wrote(n);
      return !out.hasRemaining();
    } finally {
      out.compact();
    }
  }

  // ---- writing

  @Override
  public boolean send(ByteBuffer payload) {
    if (payload.remaining() > transport.options().maxFrameBytes()) {
      throw new IllegalArgumentException("a frame of " + payload.remaining() + " bytes is longer than maxFrameBytes = "
          + transport.options().maxFrameBytes());
    }
    State now = state;
    if (closeAsked || (now != State.OPEN && now != State.HANDSHAKING && now != State.CONNECTING)) {
      return false;
    }
    if (!queue.offer(payload)) {
      return false;
    }
    transport.stats().frameWritten();
    if (loop.inLoop()) {
      if (!flushAtEndOfTurn) {
        flushAtEndOfTurn = true;
        loop.flushAtEndOfTurn(flush);
      }
    } else if (FLUSH_SUBMITTED.compareAndSet(this, 0, 1)) {
      loop.submit(flush);
    }
    return true;
  }

  @Override
  public boolean isWritable() {
    return isOpen() && !queue.isFull();
  }

  private void flush() {
    flushAtEndOfTurn = false;
    flushSubmitted = 0;
    if (state != State.OPEN && state != State.CLOSING) {
      return; // connecting or handshaking: flushed once open
    }
    try {
      if (tls == null) {
        long n = queue.writeTo(channel, loop.gatherScratch());
        bytesWritten += n;
        transport.stats().wrote(n);
      } else {
        flushTls();
      }
    } catch (SSLException e) {
      fail(Kind.TLS_FAILED, "TLS with " + remote + " failed: " + e.getMessage(), e);
      return;
    } catch (IOException e) {
      fail(Kind.IO_ERROR, "writing to " + remote + " failed: " + e.getMessage(), e);
      return;
    }
    if (queue.takeWritableAgain() && state == State.OPEN) {
      try {
        handler.onWritable(this);
      } catch (Throwable e) {
        handlerFailed("onWritable", e);
        return;
      }
      if (!decoder.drainKept(sink)) {
        return;
      }
    }
    if (state == State.CLOSING && queue.isEmpty() && (tls == null || tls.netOut().position() == 0)) {
      finishClosing();
      return;
    }
    updateInterest();
  }

  private void flushTls() throws IOException {
    ByteBuffer[] scratch = loop.gatherScratch();
    while (writeNetOut()) {
      int n = queue.gather(scratch);
      if (n == 0) {
        return;
      }
      int consumed = tls.wrap(scratch, n);
      Arrays.fill(scratch, 0, n, null);
      queue.written(consumed);
    }
  }

  // ---- closing

  @Override
  public void pauseReading() {
    loop.execute(() -> {
      if (state == State.OPEN) {
        userPaused = true;
        updateInterest();
      }
    });
  }

  @Override
  public void resumeReading() {
    loop.submit(() -> { // at the next turn: never inside a callback, whose decoder is busy
      if (state == State.OPEN && userPaused) {
        userPaused = false;
        if (decoder.drainKept(sink)) {
          updateInterest();
        }
      }
    });
  }

  @Override
  public void close() {
    closeAsked = true;
    loop.submit(() -> { // at the next turn: a handler never hears onClose inside another callback
      if (state == State.OPEN) {
        state = State.CLOSING;
        closeTimer = loop.schedule(transport.options().connectTimeout().toNanos(), this::closingTimedOut);
        flush();
      } else if (state == State.CONNECTING || state == State.HANDSHAKING) {
        fail(Kind.CLOSED, "closed by this end before it was established", null);
      }
    });
  }

  /** A graceful close that could not write what was queued within the connect timeout: the peer does not read. */
  private void closingTimedOut() {
    closeTimer = null;
    if (state == State.CLOSING) {
      abortNow(CloseReason.of(closingKind, closingMessage + "; what was queued could not be written within "
          + transport.options().connectTimeout().toMillis() + " ms (connectTimeout), so it was reset"));
    }
  }

  @Override
  public void abort() {
    closeAsked = true;
    loop.submit(() -> abortNow(CloseReason.of(Kind.ABORTED, "aborted by this end")));
  }

  @Override
  public boolean isOpen() {
    return state == State.OPEN && !closeAsked;
  }

  private void finishClosing() {
    if (tls != null) {
      try {
        tls.closeOutbound();
        writeNetOut(); // one try: the close_notify is a courtesy, and the peer may be gone
      } catch (IOException e) {
        // closing anyway
      }
    }
    closeNow(CloseReason.of(closingKind, closingMessage));
  }

  private void abortNow(CloseReason reason) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0); // a reset, not a graceful close
    } catch (IOException | RuntimeException e) {
      // closed below all the same
    }
    closeNow(reason);
  }

  private void handlerFailed(String callback, Throwable failure) {
    TransportContext.handlerFailed(transport.name(), id, callback, failure);
    abortNow(CloseReason.of(Kind.HANDLER_FAILED, "the handler's " + callback + " threw " + failure, failure));
  }

  /** Fails the connection: before it was established, its connect future fails too. */
  private void fail(Kind kind, String message, Throwable cause) {
    if (state == State.CLOSED) {
      return;
    }
    boolean established = state == State.OPEN || state == State.CLOSING;
    if (!established && connected != null) {
      ConnectException failure = new ConnectException(message);
      if (cause != null) {
        failure.initCause(cause);
      }
      connected.completeExceptionally(failure);
    }
    abortNow(CloseReason.of(kind, message, cause));
  }

  @Override
  public void loopClosing() {
    fail(Kind.TRANSPORT_CLOSED, "the transport was closed", null);
  }

  private void closeNow(CloseReason reason) {
    State before = state;
    if (before == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    if (establishTimer != null) {
      establishTimer.cancel();
      establishTimer = null;
    }
    if (closeTimer != null) {
      closeTimer.cancel();
      closeTimer = null;
    }
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do with it
    }
    queue.close();
    decoder.release();
    boolean established = before == State.OPEN || before == State.CLOSING;
    if (connected != null && !established) {
      connected.completeExceptionally(new ConnectException(reason.message())); // nothing if done already
    }
    if (established) {
      transport.closed(id, remote, reason, bytesRead, bytesWritten);
      onClosed.run();
      try {
        handler.onClose(this, reason);
      } catch (Throwable e) {
        TransportContext.handlerFailed(transport.name(), id, "onClose", e);
      }
    } else {
      onClosed.run();
    }
  }

  private void updateInterest() {
    if (state == State.CLOSED || key == null || !key.isValid()) {
      return;
    }
    int ops = 0;
    if (wantsToRead()) {
      ops |= SelectionKey.OP_READ;
    }
    if (!queue.isEmpty() || (tls != null && tls.netOut().position() > 0)) {
      ops |= SelectionKey.OP_WRITE;
    }
    setInterest(ops);
  }

  private void setInterest(int ops) {
    if (key != null && key.isValid() && key.interestOps() != ops) {
      key.interestOps(ops);
    }
  }

  /** Closes it when nothing was read for the idle timeout; called by the loop's sweep. */
  public void closeIfIdle(long now, long idleNanos) {
    if (!wantsToRead()) {
      lastReadNanos = now; // not reading (paused, or its queue full): idle time counts while reading only
      return;
    }
    if (state == State.OPEN && now - lastReadNanos > idleNanos) {
      abortNow(CloseReason.of(Kind.IDLE, "nothing read from " + remote + " for "
          + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms (idleTimeout)"));
    }
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String toString() {
    return "connection " + id + " with " + remote + " (" + state + ")";
  }
}
