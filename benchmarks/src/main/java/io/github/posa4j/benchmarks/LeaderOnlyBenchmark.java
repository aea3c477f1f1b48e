package io.github.posa4j.benchmarks;

import io.github.posa4j.leader.NotLeaderException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The success path of a {@code @LeaderOnly} call through the generated {@code ResilientLeadingBackend},
 * on the leader, against the undecorated call. The check reads the leadership's deadline and the
 * clock; the lease is renewed on another thread, so the figure holds between renewals too.
 *
 * <p>The benchmark JVM leads the election {@value #ELECTION} of a real PostgreSQL server, named by
 * a system property of the forked JVM:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LeaderOnlyBenchmark -wi 5 -i 5 -w 2s -r 2s -f 1 \
 *     -jvmArgsAppend -Dposa4j.election.benchmarks.url=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LeaderOnlyBenchmark {
  /** The election the benchmark leads. */
  public static final String ELECTION = "benchmarks";

  private static final long LEAD_WITHIN_SECONDS = 30;

  private Backend undecorated;
  private LeadingBackend leaderOnly;

  /** Joins the election through the decorator's first call and waits until this JVM leads it. */
  @Setup
  public void setUp() throws InterruptedException {
    String key = "posa4j.election." + ELECTION + ".url";
    if (System.getProperty(key) == null) {
      throw new IllegalStateException("set -D" + key + "=jdbc:postgresql://<host>:<port>/<database>?user=<user>"
          + " (with -jvmArgsAppend): the benchmark leads an election on a real PostgreSQL server");
    }
    undecorated = Backend.succeeding(42_000);
    LeadingBackend target = undecorated::fetch;
    leaderOnly = ResilientLeadingBackend.wrap(target);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEAD_WITHIN_SECONDS);
    while (true) {
      try {
        leaderOnly.fetch();
        return;
      } catch (NotLeaderException notYet) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("this JVM did not lead election '" + ELECTION + "' within "
              + LEAD_WITHIN_SECONDS + " s: " + notYet.getMessage(), notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  /** The call without any policy. */
  @Benchmark
  public Integer undecorated() {
    return undecorated.fetch();
  }

  /** The call through the generated decorator, on the leader. */
  @Benchmark
  public Integer leaderOnly() {
    return leaderOnly.fetch();
  }
}
