package io.github.posa4j.benchmarks.net;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The round trip of one {@value #PAYLOAD_BYTES}-byte frame over one loopback connection, for each
 * {@link EchoTransport}, one frame in flight (ping-pong): the benchmark thread sends the frame
 * through the client's connection (handing it to the client's I/O thread, as any application
 * thread would), the server echoes it, and the benchmark thread, parked, is woken by the client's
 * I/O thread when the echo arrives (at most {@value #TIMEOUT_SECONDS} s). The same three thread
 * hand-offs for every transport; JMH's sample mode gives the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EchoLatencyBenchmark {
  static final int PAYLOAD_BYTES = 64;
  static final int TIMEOUT_SECONDS = 5;

  @Param({"POSA4J_REACTOR", "POSA4J_PROACTOR", "NETTY_NIO", "NETTY_EPOLL"})
  public EchoTransport transport;

  private EchoRig rig;
  private EchoLoad load;
  private EchoPeer peer;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    load = new EchoLoad(PAYLOAD_BYTES, false, 1, TimeUnit.DAYS);
    rig = transport.open(1, PAYLOAD_BYTES, load);
    peer = rig.peers().get(0);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    rig.close();
  }

  /** One frame there and back. */
  @Benchmark
  public long roundTrip() {
    long goal = load.expect(1);
    if (!peer.send()) {
      throw new IllegalStateException("the transport refused the frame");
    }
    return load.await(goal, TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
  }
}
