package io.github.posa4j.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one transport, kept by its connections and read by its MBean. */
final class TransportStats {
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder connected = new LongAdder();
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder bytesWritten = new LongAdder();
  private final LongAdder framesRead = new LongAdder();
  private final LongAdder framesWritten = new LongAdder();

  void opened(boolean accepted) {
    open.incrementAndGet();
    (accepted ? this.accepted : this.connected).increment();
  }

  void closed() {
    open.decrementAndGet();
  }

  void read(long bytes) {
    bytesRead.add(bytes);
  }

  void wrote(long bytes) {
    bytesWritten.add(bytes);
  }

  void frameRead() {
    framesRead.increment();
  }

  void frameWritten() {
    framesWritten.increment();
  }

  public int openConnections() {
    return open.get();
  }

  public long acceptedConnections() {
    return accepted.sum();
  }

  public long connectedConnections() {
    return connected.sum();
  }

  public long bytesRead() {
    return bytesRead.sum();
  }

  public long bytesWritten() {
    return bytesWritten.sum();
  }

  public long framesRead() {
    return framesRead.sum();
  }

  public long framesWritten() {
    return framesWritten.sum();
  }
}
