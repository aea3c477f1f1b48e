package io.github.posa4j.benchmarks.net;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Echoed frames per second over loopback, for each {@link EchoTransport}: an echo server and its
 * clients in one JVM, one I/O thread each side, {@code connections} client connections, each
 * keeping {@value #WINDOW} frames of {@code payloadBytes} in flight (each echo sends the next frame
 * from the client's I/O thread). The load runs for the whole trial; each invocation parks the
 * benchmark thread until {@value #ECHOES} more echoes have arrived (at most
 * {@value #TIMEOUT_SECONDS} s), so the score is echoes per second, each echo one frame there and
 * back. The refill stops by itself after {@value #MAX_RUN_MINUTES} minutes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EchoThroughputBenchmark {
  static final int WINDOW = 64;
  static final int ECHOES = 10_000;
  static final int TIMEOUT_SECONDS = 30;
  static final int MAX_RUN_MINUTES = 15;

  @Param({"POSA4J_REACTOR", "POSA4J_PROACTOR", "NETTY_NIO", "NETTY_EPOLL"})
  public EchoTransport transport;

  @Param({"64", "4096"})
  public int payloadBytes;

  @Param({"1", "16"})
  public int connections;

  private EchoRig rig;
  private EchoLoad load;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    load = new EchoLoad(payloadBytes, true, MAX_RUN_MINUTES, TimeUnit.MINUTES);
    rig = transport.open(connections, payloadBytes, load);
    load.start(rig, WINDOW);
    load.await(load.expect(WINDOW * connections), TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    load.stop();
    rig.close();
  }

  /** Waits for {@value #ECHOES} echoes. */
  @Benchmark
  @OperationsPerInvocation(ECHOES)
  public long echo() {
    return load.await(load.expect(ECHOES), TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
  }
}
