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
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A connection on the Proactor: at most one read and one write outstanding on its
 * {@link AsynchronousSocketChannel}, each started again from the completion of the last. Its
 * state and its handler's callbacks are guarded by the connection itself, so that the handler is
 * called from one thread at a time even though reads and writes complete on any thread of the
 * group. Frames a callback sends are written once the callback returns, together.
 */
final class ProactorConnection implements Connection, FrameDecoder.Sink {
  private static final ThreadLocal<ByteBuffer> PLAIN = new ThreadLocal<>();

  private enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

  private final ProactorContext proactor;
  private final TransportContext transport;
  private final AsynchronousSocketChannel channel;
  private final ServiceHandler handler;
  private final boolean accepted;
  private final InetSocketAddress remote;
  private final long id = TransportContext.nextConnectionId();
  private final FrameDecoder decoder;
  private final WriteQueue queue;
  private final TlsSession tls;
  private final CompletableFuture<Connection> connected;
  private final Runnable onClosed;
  private final ByteBuffer[] gather = new ByteBuffer[16];
  private final TlsSession.PlainSink plainSink = this::decodePlain;
  private final CompletionHandler<Integer, Void> readDone = new ReadDone();
  private final CompletionHandler<Long, Void> writeDone = new WriteDone();
  private final AtomicBoolean flushSubmitted = new AtomicBoolean();
  private final Runnable flushFromOtherThread = () -> {
    flushSubmitted.set(false);
    synchronized (this) {
      flushIfIdle();
    }
  };
  private final CompletionHandler<Integer, Void> netWriteDone = new NetWriteDone();

  private volatile State state;
  /** Set at once by {@link #close} and {@link #abort}, which finish on the connection's thread. */
  private volatile boolean closeAsked;
  private InetSocketAddress local;
  private ByteBuffer readBuffer;
  /** Reads in a row that took less than a quarter of a large read buffer: back to a small one after a few. */
  private int smallReads;
  /** The size the next read's buffer should have, when it should change; 0 to keep this one. */
  private int nextReadBuffer;
  private boolean reading;
  /** Whether the read buffer is being decoded: a close meanwhile must not give it back yet. */
  private boolean decoding;
  private boolean writing;
  private boolean userPaused;
  /** The thread running one of this connection's callbacks now, so that its sends wait for it to return. */
  private Thread inCallback;
  private boolean flushAfterCallback;
  private ScheduledFuture<?> establishTimer;
  private ScheduledFuture<?> closeTimer;
  private Kind closingKind = Kind.CLOSED;
  private String closingMessage = "closed by this end";
  private long bytesRead;
  private long bytesWritten;

  private ProactorConnection(ProactorContext proactor, AsynchronousSocketChannel channel, ServiceHandler handler,
      boolean accepted, InetSocketAddress remote, CompletableFuture<Connection> connected, Runnable onClosed) {
    this.proactor = proactor;
    this.transport = proactor.transport();
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
    this.state = accepted ? State.HANDSHAKING : State.CONNECTING;
  }

  /** A connection an acceptor accepted; {@link #start} it. */
  public static ProactorConnection accepted(ProactorContext proactor, AsynchronousSocketChannel channel,
      ServiceHandler handler, Runnable onClosed) throws IOException {
    return new ProactorConnection(proactor, channel, handler, true, (InetSocketAddress) channel.getRemoteAddress(),
        null, onClosed);
  }

  /** A connection to {@code remote} being opened; {@link #start} it. */
  public static ProactorConnection connecting(ProactorContext proactor, AsynchronousSocketChannel channel,
      ServiceHandler handler, InetSocketAddress remote, CompletableFuture<Connection> connected) {
    return new ProactorConnection(proactor, channel, handler, false, remote, connected, () -> {});
  }

  /** Begins: connecting, or the TLS handshake, or open at once. */
  public synchronized void start() {
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (state == State.CONNECTING || tls != null) {
        establishTimer = proactor.schedule(transport.options().connectTimeout().toNanos(), this::establishTimedOut);
      }
      if (state == State.CONNECTING) {
        channel.connect(remote, null, new ConnectDone());
      } else {
        beginSession();
      }
    } catch (IOException | RuntimeException e) {
      fail(Kind.IO_ERROR, (state == State.CONNECTING ? "cannot connect to " : "cannot serve ") + remote + ": " + e, e);
    }
  }

  private void beginSession() throws IOException {
    local = (InetSocketAddress) channel.getLocalAddress();
    state = State.HANDSHAKING;
    if (tls == null) {
      open();
      return;
    }
    tls.begin();
    advanceHandshake();
  }

  private void open() throws IOException {
    cancelEstablishTimer();
    state = State.OPEN;
    transport.opened(id, remote, accepted);
    Throwable[] thrown = new Throwable[1];
    if (!callHandler("onOpen", () -> handler.onOpen(this), thrown)) {
      if (connected != null && thrown[0] != null) {
        ConnectException failure = new ConnectException("the handler's onOpen threw " + thrown[0]);
        failure.initCause(thrown[0]);
        connected.completeExceptionally(failure);
      }
      return;
    }
    if (connected != null) {
      connected.complete(this);
    }
    // Frames decrypted with the handshake's last messages were kept while it was not open.
    inCallback = Thread.currentThread();
    try {
      decoder.drainKept(this);
    } finally {
      inCallback = null;
    }
    afterCallbacks();
    if (tls != null && tls.netIn().position() > 0) {
      read(0); // application data that came with the last handshake message; then reads on
    } else {
      readIfWanted();
    }
  }

  private void establishTimedOut() {
    synchronized (this) {
      if (state == State.CONNECTING || state == State.HANDSHAKING) {
        long millis = TimeUnit.NANOSECONDS.toMillis(transport.options().connectTimeout().toNanos());
        String what = state == State.CONNECTING ? "connecting to " + remote : "the TLS handshake with " + remote;
        fail(Kind.IO_ERROR, what + " did not finish within " + millis + " ms (connectTimeout)", null);
      }
    }
  }

  private void cancelEstablishTimer() {
    if (establishTimer != null) {
      establishTimer.cancel(false);
      establishTimer = null;
    }
  }

  // ---- reading

  private boolean wantsToRead() {
    if (state == State.HANDSHAKING) {
      return true;
    }
    return state == State.OPEN && !userPaused && !queue.isFull() && !decoder.hasWholeFrame();
  }

  private void readIfWanted() {
    if (reading || !wantsToRead()) {
      return;
    }
    ByteBuffer target;
    if (tls != null) {
      target = tls.netIn();
    } else {
      if (nextReadBuffer != 0 && readBuffer != null) {
        poolOf(readBuffer).give(readBuffer);
        readBuffer = null;
      }
      if (readBuffer == null) {
        readBuffer = nextReadBuffer == BufferPool.LARGE_READ_BYTES ? BufferPool.largeReads().take() : BufferPool.reads().take();
        nextReadBuffer = 0;
      }
      readBuffer.clear();
      target = readBuffer;
    }
    reading = true;
    long idle = transport.options().idleTimeout().toNanos();
    try {
      channel.read(target, state == State.OPEN ? idle : 0, TimeUnit.NANOSECONDS, null, readDone);
    } catch (RuntimeException e) {
      reading = false;
      fail(Kind.IO_ERROR, "reading from " + remote + " failed: " + e, e);
    }
  }

  private final class ReadDone implements CompletionHandler<Integer, Void> {
    @Override
    public void completed(Integer n, Void unused) {
      long from = System.nanoTime();
      synchronized (ProactorConnection.this) {
        reading = false;
        try {
          read(n);
        } catch (SSLException e) {
          fail(Kind.TLS_FAILED, "TLS with " + remote + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
          fail(Kind.IO_ERROR, "the connection with " + remote + " failed: " + e, e);
        }
        releaseBuffersIfClosed();
      }
      proactor.busy(System.nanoTime() - from);
    }

    @Override
    public void failed(Throwable failure, Void unused) {
      synchronized (ProactorConnection.this) {
        reading = false;
        if (state == State.CLOSING) {
          // closing: the write side decides when it ends
        } else if (failure instanceof InterruptedByTimeoutException) {
          abortNow(CloseReason.of(Kind.IDLE, "nothing read from " + remote + " for "
              + transport.options().idleTimeout().toMillis() + " ms (idleTimeout)"));
        } else if (!(failure instanceof AsynchronousCloseException)) {
          fail(Kind.IO_ERROR, "reading from " + remote + " failed: " + failure.getMessage(), failure);
        }
        releaseBuffersIfClosed();
      }
    }
  }

  private void read(int n) throws IOException {
    if (state == State.CLOSED || state == State.CLOSING) {
      return; // closing: what is queued is written, and nothing more is read
    }
    if (n < 0) {
      peerClosed("the peer closed the connection");
      return;
    }
    bytesRead += n;
    transport.stats().read(n);
    if (tls != null) {
      if (state == State.HANDSHAKING) {
        advanceHandshake();
        return;
      }
      inCallback = Thread.currentThread();
      TlsSession.Unwrapped outcome;
      try {
        outcome = tls.unwrap(plainBuffer(), plainSink);
      } finally {
        inCallback = null;
      }
      if (state == State.CLOSED) {
        return;
      }
      if (outcome == TlsSession.Unwrapped.CLOSED) {
        peerClosed("the peer closed the TLS session");
        return;
      }
      if (tls.handshaking()) {
        advanceHandshake();
      }
    } else {
      sizeReadBuffer(n);
      readBuffer.flip();
      inCallback = Thread.currentThread();
      decoding = true;
      try {
        decoder.decode(readBuffer, this);
      } finally {
        decoding = false;
        inCallback = null;
      }
    }
    afterCallbacks();
    readIfWanted();
  }

  /**
   * Chooses the next read's buffer by how much this one read, as a busy connection wants large
   * reads and an idle one should hold little: a read that filled the small buffer moves to a large
   * one (after this read is decoded), and four reads in a row that used less than a quarter of a
   * large one move back.
   */
  private void sizeReadBuffer(int n) {
    int capacity = readBuffer.capacity();
    if (capacity == BufferPool.READ_BYTES && n == capacity) {
      nextReadBuffer = BufferPool.LARGE_READ_BYTES;
      smallReads = 0;
    } else if (capacity == BufferPool.LARGE_READ_BYTES && n < capacity / 4 && ++smallReads >= 4) {
      nextReadBuffer = BufferPool.READ_BYTES;
      smallReads = 0;
    } else if (n >= capacity / 4) {
      smallReads = 0;
    }
  }

  private static BufferPool poolOf(ByteBuffer buffer) {
    return buffer.capacity() == BufferPool.LARGE_READ_BYTES ? BufferPool.largeReads() : BufferPool.reads();
  }

  private ByteBuffer plainBuffer() {
    ByteBuffer plain = PLAIN.get();
    int size = tls.plainBufferSize();
    if (plain == null || plain.capacity() < size) {
      plain = ByteBuffer.allocateDirect(Math.max(size, 64 << 10));
      PLAIN.set(plain);
    }
    plain.clear();
    return plain;
  }

  private boolean decodePlain(ByteBuffer plain) {
    return decoder.decode(plain, this) && state != State.CLOSED;
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
    if (state == State.OPEN) {
      state = State.CLOSING;
      closingKind = Kind.PEER_CLOSED;
      closingMessage = message;
      armCloseTimer();
      flushIfIdle();
    } else if (state != State.CLOSED) {
      closeNow(CloseReason.of(Kind.PEER_CLOSED, message));
    }
  }

  // ---- the TLS handshake

  private void advanceHandshake() throws IOException {
    while (state == State.HANDSHAKING || (state == State.OPEN && tls.handshaking())) {
      if (writing) {
        return; // its completion goes on from here
      }
      switch (tls.status()) {
        case NEED_TASK:
          tls.runTasks();
          break;
        case NEED_WRAP:
          tls.wrapHandshake();
          writeNetOut();
          return;
        case NEED_UNWRAP:
        case NEED_UNWRAP_AGAIN:
          if (tls.netIn().position() == 0) {
            readIfWanted();
            return;
          }
          int before = tls.netIn().position();
          TlsSession.Unwrapped outcome = tls.unwrap(plainBuffer(), plainSink);
          if (outcome == TlsSession.Unwrapped.CLOSED) {
            fail(Kind.TLS_FAILED, "the TLS handshake with " + remote + " was closed by the peer", null);
            return;
          }
          if (tls.netIn().position() == before && tls.status() != HandshakeStatus.NEED_WRAP
              && tls.status() != HandshakeStatus.NEED_TASK) {
            readIfWanted();
            return;
          }
          break;
        default:
          if (state == State.HANDSHAKING) {
            open();
          }
          return;
      }
    }
  }

  /** Writes {@link TlsSession#netOut} asynchronously; its completion goes on with the handshake or the queue. */
  private void writeNetOut() {
    ByteBuffer out = tls.netOut();
    out.flip();
    writing = true;
    try {
      channel.write(out, null, netWriteDone);
    } catch (RuntimeException e) {
      writing = false;
      out.compact();
      fail(Kind.IO_ERROR, "writing to " + remote + " failed: " + e, e);
    }
  }

  private final class NetWriteDone implements CompletionHandler<Integer, Void> {
    @Override
    public void completed(Integer n, Void unused) {
      long from = System.nanoTime();
      synchronized (ProactorConnection.this) {
        writing = false;
        bytesWritten += n;
        transport.stats().wrote(n);
        ByteBuffer out = tls.netOut();
        boolean all = !out.hasRemaining();
        out.compact();
        try {
          if (state == State.CLOSED) {
            return;
          }
          if (!all) {
            writeNetOut();
          } else if (state == State.HANDSHAKING || tls.handshaking()) {
            advanceHandshake();
          } else {
            afterWrite();
          }
        } catch (SSLException e) {
          fail(Kind.TLS_FAILED, "TLS with " + remote + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
          fail(Kind.IO_ERROR, "the connection with " + remote + " failed: " + e, e);
        } finally {
          releaseBuffersIfClosed();
        }
      }
      proactor.busy(System.nanoTime() - from);
    }

    @Override
    public void failed(Throwable failure, Void unused) {
      synchronized (ProactorConnection.this) {
        writing = false;
        tls.netOut().clear();
        if (!(failure instanceof AsynchronousCloseException)) {
          fail(Kind.IO_ERROR, "writing to " + remote + " failed: " + failure.getMessage(), failure);
        }
        releaseBuffersIfClosed();
      }
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
    if (inCallback == Thread.currentThread()) {
      flushAfterCallback = true; // written together once the callback returns
    } else if (flushSubmitted.compareAndSet(false, true)) {
      proactor.execute(flushFromOtherThread);
    }
    return true;
  }

  @Override
  public boolean isWritable() {
    return isOpen() && !queue.isFull();
  }

  private void afterCallbacks() {
    if (flushAfterCallback) {
      flushAfterCallback = false;
      flushIfIdle();
    }
  }

  /** Starts writing what is queued unless a write is outstanding (its completion goes on). */
  private void flushIfIdle() {
    if (writing || (state != State.OPEN && state != State.CLOSING)) {
      return;
    }
    try {
      if (tls != null) {
        if (tls.netOut().position() > 0) {
          writeNetOut();
          return;
        }
        int n = queue.gather(gather);
        if (n > 0) {
          int consumed = tls.wrap(gather, n);
          Arrays.fill(gather, 0, n, null);
          queue.written(consumed);
          writeNetOut();
          return;
        }
      } else {
        int n = queue.gather(gather);
        if (n > 0) {
          writing = true;
          channel.write(gather, 0, n, 0, TimeUnit.NANOSECONDS, null, writeDone);
          return;
        }
      }
    } catch (SSLException e) {
      fail(Kind.TLS_FAILED, "TLS with " + remote + " failed: " + e.getMessage(), e);
      return;
    } catch (RuntimeException e) {
      writing = false;
      fail(Kind.IO_ERROR, "writing to " + remote + " failed: " + e, e);
      return;
    }
    if (state == State.CLOSING) {
      finishClosing();
    }
  }

  private final class WriteDone implements CompletionHandler<Long, Void> {
    @Override
    public void completed(Long n, Void unused) {
      long from = System.nanoTime();
      synchronized (ProactorConnection.this) {
        writing = false;
        Arrays.fill(gather, null);
        bytesWritten += n;
        transport.stats().wrote(n);
        if (state != State.CLOSED) {
          queue.written(n);
          try {
            afterWrite();
          } catch (RuntimeException e) {
            fail(Kind.IO_ERROR, "the connection with " + remote + " failed: " + e, e);
          }
        }
        releaseBuffersIfClosed();
      }
      proactor.busy(System.nanoTime() - from);
    }

    @Override
    public void failed(Throwable failure, Void unused) {
      synchronized (ProactorConnection.this) {
        writing = false;
        Arrays.fill(gather, null);
        if (!(failure instanceof AsynchronousCloseException)) {
          fail(Kind.IO_ERROR, "writing to " + remote + " failed: " + failure.getMessage(), failure);
        }
        releaseBuffersIfClosed();
      }
    }
  }

  private void afterWrite() {
    if (queue.takeWritableAgain() && state == State.OPEN) {
      if (!callHandler("onWritable", () -> handler.onWritable(this))) {
        return;
      }
      inCallback = Thread.currentThread();
      try {
        decoder.drainKept(this);
      } finally {
        inCallback = null;
      }
      flushAfterCallback = false;
    }
    flushIfIdle();
    readIfWanted();
  }

  // ---- closing

  @Override
  public void pauseReading() {
    if (inCallback == Thread.currentThread()) {
      userPaused = state == State.OPEN || userPaused; // at once: no more frames are delivered
      return;
    }
    onThisConnection(() -> {
      if (state == State.OPEN) {
        userPaused = true;
      }
    });
  }

  @Override
  public void resumeReading() {
    onThisConnection(this::resumeNow);
  }

  private void resumeNow() {
    if (state == State.OPEN && userPaused) {
      userPaused = false;
      inCallback = Thread.currentThread();
      try {
        decoder.drainKept(this);
      } finally {
        inCallback = null;
      }
      flushAfterCallback = false;
      flushIfIdle();
      readIfWanted();
    }
  }

  @Override
  public void close() {
    closeAsked = true;
    onThisConnection(this::closeGracefully);
  }

  private void closeGracefully() {
    if (state == State.OPEN) {
      state = State.CLOSING;
      armCloseTimer();
      flushIfIdle(); // on the task thread, never inside a callback
    } else if (state == State.CONNECTING || state == State.HANDSHAKING) {
      fail(Kind.CLOSED, "closed by this end before it was established", null);
    }
  }

  @Override
  public void abort() {
    closeAsked = true;
    onThisConnection(() -> abortNow(CloseReason.of(Kind.ABORTED, "aborted by this end")));
  }

  /**
   * Runs {@code action} under the connection's lock on the proactor's task thread: never inside one
   * of its handler's callbacks (which would hear {@code onClose} inside {@code onFrame}, or re-enter
   * a busy decoder), and never waiting for this connection's lock on a thread that may hold another
   * connection's (a handler relaying frames between connections).
   */
  private void onThisConnection(Runnable action) {
    if (state == State.CLOSED) {
      return;
    }
    proactor.execute(() -> {
      synchronized (this) {
        action.run();
      }
    });
  }

  @Override
  public boolean isOpen() {
    return state == State.OPEN && !closeAsked;
  }

  /** Bounds a graceful close by the connect timeout: a peer that does not read cannot hold it open. */
  private void armCloseTimer() {
    closeTimer = proactor.schedule(transport.options().connectTimeout().toNanos(), () -> {
      synchronized (this) {
        if (state == State.CLOSING) {
          abortNow(CloseReason.of(closingKind, closingMessage + "; what was queued could not be written within "
              + transport.options().connectTimeout().toMillis() + " ms (connectTimeout), so it was reset"));
        }
      }
    });
  }

  private void finishClosing() {
    if (tls != null && tls.netOut().position() == 0) {
      try {
        tls.closeOutbound();
        if (tls.netOut().position() > 0) {
          ByteBuffer out = tls.netOut();
          out.flip();
          channel.write(out); // one try, not waited for: the close_notify is a courtesy
        }
      } catch (IOException | RuntimeException e) {
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
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException e) {
      // closed below all the same
    }
    closeNow(reason);
  }

  private void handlerFailed(String callback, Throwable failure) {
    TransportContext.handlerFailed(transport.name(), id, callback, failure);
    abortNow(CloseReason.of(Kind.HANDLER_FAILED, "the handler's " + callback + " threw " + failure, failure));
  }

  private boolean callHandler(String callback, Runnable call) {
    return callHandler(callback, call, new Throwable[1]);
  }

  private boolean callHandler(String callback, Runnable call, Throwable[] thrown) {
    Thread previous = inCallback;
    inCallback = Thread.currentThread();
    try {
      call.run();
    } catch (Throwable e) {
      thrown[0] = e;
      handlerFailed(callback, e);
      return false;
    } finally {
      inCallback = previous;
    }
    if (previous == null) {
      afterCallbacks();
    }
    return state != State.CLOSED;
  }

  /** Fails the connection: before it was established, its connect future fails too. */
  void fail(Kind kind, String message, Throwable cause) {
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

  /** The proactor is closing: close at once. */
  public synchronized void transportClosing() {
    fail(Kind.TRANSPORT_CLOSED, "the transport was closed", null);
  }

  private void closeNow(CloseReason reason) {
    State before = state;
    if (before == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    cancelEstablishTimer();
    if (closeTimer != null) {
      closeTimer.cancel(false);
      closeTimer = null;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do with it
    }
    decoder.release();
    releaseBuffersIfClosed();
    proactor.forget(this);
    boolean established = before == State.OPEN || before == State.CLOSING;
    if (connected != null && !established) {
      connected.completeExceptionally(new ConnectException(reason.message())); // nothing if done already
    }
    if (established) {
      transport.closed(id, remote, reason, bytesRead, bytesWritten);
    }
    onClosed.run();
    if (established) {
      try {
        handler.onClose(this, reason);
      } catch (Throwable e) {
        TransportContext.handlerFailed(transport.name(), id, "onClose", e);
      }
    }
  }

  /** Gives the buffers back once closed and no operation holds them any more. */
  private void releaseBuffersIfClosed() {
    if (state != State.CLOSED) {
      return;
    }
    if (!writing) {
      queue.close();
    }
    if (!reading && !decoding && readBuffer != null) {
      poolOf(readBuffer).give(readBuffer);
      readBuffer = null;
    }
  }

  private final class ConnectDone implements CompletionHandler<Void, Void> {
    @Override
    public void completed(Void unused, Void attachment) {
      synchronized (ProactorConnection.this) {
        if (state != State.CONNECTING) {
          return; // timed out or closed meanwhile
        }
        try {
          beginSession();
        } catch (SSLException e) {
          fail(Kind.TLS_FAILED, "TLS with " + remote + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
          fail(Kind.IO_ERROR, "cannot connect to " + remote + ": " + e.getMessage(), e);
        }
      }
    }

    @Override
    public void failed(Throwable failure, Void attachment) {
      synchronized (ProactorConnection.this) {
        fail(Kind.IO_ERROR, "cannot connect to " + remote + ": " + failure.getMessage(), failure);
      }
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
