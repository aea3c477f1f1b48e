package io.github.posa4j.benchmarks.net;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the echoes of an {@link EchoRig}'s clients and lets a benchmark thread wait, parked, for a
 * number of them. With {@code refill}, each echo sends the next frame on the same connection from
 * the client's I/O thread, so a connection started with a window of frames keeps exactly that
 * many in flight; the refill stops at {@link #stop()} or after {@code maxRun}, whichever comes
 * first. Every echo must carry {@code payloadBytes} bytes.
 */
final class EchoLoad implements EchoListener {
  private final int payloadBytes;
  private final boolean refill;
  private final long stopAtNanos;
  private final AtomicLong echoed = new AtomicLong();
  private volatile boolean running = true;
  private volatile long target = Long.MAX_VALUE;
  private volatile Thread waiter;
  private volatile String failure;

  EchoLoad(int payloadBytes, boolean refill, long maxRun, TimeUnit unit) {
    this.payloadBytes = payloadBytes;
    this.refill = refill;
    this.stopAtNanos = System.nanoTime() + unit.toNanos(maxRun);
  }

  /** Sends {@code window} frames on each of {@code rig}'s connections. */
  void start(EchoRig rig, int window) {
    for (EchoPeer peer : rig.peers()) {
      for (int i = 0; i < window; i++) {
        if (!peer.send()) {
          throw new IllegalStateException("the transport refused frame " + i + " of the window");
        }
      }
    }
  }

  @Override
  public void echoed(EchoPeer peer, int length) {
    if (length != payloadBytes) {
      failed(peer, "an echo of " + length + " bytes, not " + payloadBytes);
      return;
    }
    long n = echoed.incrementAndGet();
    if (refill && running) {
      if ((n & 1023) == 0 && System.nanoTime() - stopAtNanos > 0) {
        running = false;
      } else if (!peer.send()) {
        failed(peer, "the transport refused a frame");
      }
    }
    if (n >= target) {
      target = Long.MAX_VALUE;
      LockSupport.unpark(waiter);
    }
  }

  @Override
  public void failed(EchoPeer peer, String why) {
    failure = why;
    running = false;
    LockSupport.unpark(waiter);
  }

  /** The count {@link #await} must reach for {@code echoes} more echoes; call before sending them. */
  long expect(long echoes) {
    long goal = echoed.get() + echoes;
    waiter = Thread.currentThread();
    target = goal;
    return goal;
  }

  /**
   * Parks until {@code goal} echoes have arrived in all; fails after {@code timeoutNanos}, or when
   * a connection failed, or once the refill has stopped.
   */
  long await(long goal, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    long n;
    while ((n = echoed.get()) < goal) {
      if (failure != null) {
        throw new IllegalStateException("echo failed: " + failure);
      }
      if (refill && !running) {
        throw new IllegalStateException("the load stopped (maxRun reached) at " + n + " echoes");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("only " + n + " of " + goal + " echoes within "
            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
      }
      LockSupport.parkNanos(this, Math.min(left, 10_000_000));
    }
    target = Long.MAX_VALUE;
    return n;
  }

  /** Stops the refill: the frames in flight come back and nothing more is sent. */
  void stop() {
    running = false;
  }
}
