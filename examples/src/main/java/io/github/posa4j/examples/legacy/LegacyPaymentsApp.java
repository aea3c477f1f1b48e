package io.github.posa4j.examples.legacy;

import io.github.posa4j.examples.legacy.FlakyPaymentServer.Phase;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy app the posa4j agent protects through {@code legacy.properties}: it charges customers
 * through {@link LegacyPaymentClient} against a {@link FlakyPaymentServer} that glitches, fails,
 * turns slow, recovers, and is slow again just when a flash sale sends {@value #BURST} charges at
 * once. It is compiled without posa4j, so it names posa4j's exceptions nowhere; it prints each
 * exception's simple class name and message, whatever its class.
 *
 * <p>Without the agent every failure surfaces as {@link PaymentFailedException} and each slow call
 * takes as long as the server does. With it, the same bytes retry, time out, stop calling through
 * an open breaker, queue payments with {@link OfflinePayments#chargeOffline} and turn part of the
 * flash sale away at the bulkhead. From the repository root:
 *
 * <pre>
 * java -cp examples/target/classes io.github.posa4j.examples.legacy.LegacyPaymentsApp
 * java -javaagent:agent/target/posa4j-agent.jar=config=examples/legacy.properties \
 *     -cp examples/target/classes io.github.posa4j.examples.legacy.LegacyPaymentsApp
 * </pre>
 */
public final class LegacyPaymentsApp {
  /** How long a slow request takes the server. */
  static final Duration SLOW = Duration.ofMillis(1500);

  /**
   * The server's script up to the flash sale, by request number: a glitch (request 4), an outage
   * (requests 8-10), a slow spell (requests 12-15), then healthy. Customers are charged one at a
   * time until the server has answered all of these requests.
   */
  static final List<Phase> BEFORE_SALE = List.of(
      Phase.healthy(3), Phase.failing(1), Phase.healthy(3), Phase.failing(3), Phase.healthy(1),
      Phase.slow(4, SLOW), Phase.healthy(6));

  /** How many charges the flash sale sends at once, from as many threads. */
  static final int BURST = 8;

  /** The flash sale finds the server slow again; afterwards it stays healthy. */
  static final Phase SALE = Phase.slow(BURST, SLOW);

  /** The pause between two customers before the sale. */
  static final Duration PACE = Duration.ofMillis(200);

  /** A bound on the customers before the sale, should the server never see its requests. */
  static final int MAX_BEFORE_SALE = 60;

  /** Refusals by a resilience library, told from failures by class name alone. */
  private static final Set<String> REJECTIONS = Set.of("CircuitBreakerOpenException", "BulkheadFullException");

  private LegacyPaymentsApp() {}

  /** What a run came to. {@link #toString()} is the summary line the app prints last. */
  public record Summary(int ok, int failed, int fallback, int serverRequests, long elapsedMillis, int serverPort) {
    private static final Pattern LINE = Pattern.compile(
        "summary: ok=(\\d+) failed=(\\d+) fallback=(\\d+) server-requests=(\\d+) elapsed-ms=(\\d+)");

    /** How many charges were made. */
    public int charges() {
      return ok + failed + fallback;
    }

    @Override
    public String toString() {
      return "summary: ok=" + ok + " failed=" + failed + " fallback=" + fallback
          + " server-requests=" + serverRequests + " elapsed-ms=" + elapsedMillis;
    }

    /**
     * Reads back a line {@link #toString()} wrote, if {@code line} is one; the port is not in the
     * line, so it reads as 0.
     */
    public static Optional<Summary> parse(String line) {
      Matcher summary = LINE.matcher(line);
      if (!summary.matches()) {
        return Optional.empty();
      }
      return Optional.of(new Summary(Integer.parseInt(summary.group(1)), Integer.parseInt(summary.group(2)),
          Integer.parseInt(summary.group(3)), Integer.parseInt(summary.group(4)), Long.parseLong(summary.group(5)), 0));
    }
  }

  /** Runs the story on {@code System.out}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    run(System.out);
  }

  /** Runs the story, printing one line per charge and the summary on {@code out}; the server is closed on return. */
  public static Summary run(PrintStream out) throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<Phase> schedule = new ArrayList<>(BEFORE_SALE);
    schedule.add(SALE);
    int requestsBeforeSale = BEFORE_SALE.stream().mapToInt(Phase::requests).sum();
    List<Outcome> outcomes = new ArrayList<>();
    int serverRequests;
    int port;
    try (FlakyPaymentServer server = FlakyPaymentServer.start(schedule)) {
      port = server.port();
      out.println("payment server at " + server.uri() + " with schedule " + schedule + ", then healthy");
      LegacyPaymentClient client = new LegacyPaymentClient(server.uri());

      int charge = 0;
      while (server.requests() < requestsBeforeSale && charge < MAX_BEFORE_SALE) {
        Outcome outcome = charge(client, ++charge);
        out.println(outcome.line());
        outcomes.add(outcome);
        Thread.sleep(PACE.toMillis());
      }

      out.println("flash sale: " + BURST + " charges at once");
      for (Outcome outcome : burst(client, charge + 1)) {
        out.println(outcome.line());
        outcomes.add(outcome);
      }
      serverRequests = server.requests();
    }
    Summary summary = new Summary(
        count(outcomes, Result.OK), count(outcomes, Result.FAILED), count(outcomes, Result.FALLBACK),
        serverRequests, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), port);
    out.println(summary);
    return summary;
  }

  /** Charges numbers {@code first} to {@code first + BURST - 1} at once, from {@value #BURST} threads. */
  private static List<Outcome> burst(LegacyPaymentClient client, int first) throws InterruptedException {
    CyclicBarrier allReady = new CyclicBarrier(BURST);
    List<Callable<Outcome>> charges = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      int charge = first + i;
      charges.add(() -> {
        allReady.await();
        return charge(client, charge);
      });
    }
    ExecutorService customers = Executors.newFixedThreadPool(BURST);
    try {
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> outcome : customers.invokeAll(charges)) {
        outcomes.add(outcome.get());
      }
      return outcomes;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a flash-sale customer could not start", e.getCause());
    } finally {
      customers.shutdown();
    }
  }

  /** Makes charge number {@code n}: {@code n * 100} cents to {@code acct-<n>}, whatever happens. */
  private static Outcome charge(LegacyPaymentClient client, int n) {
    long start = System.nanoTime();
    Result result;
    String text;
    try {
      text = client.charge("acct-" + n, n * 100L);
      result = text.startsWith("queued") ? Result.FALLBACK : Result.OK;
      text = (result == Result.OK ? "ok " : "fallback ") + text;
    } catch (Exception e) {
      String name = e.getClass().getSimpleName();
      result = Result.FAILED;
      text = (REJECTIONS.contains(name) ? "rejected " : "failed ") + name + ": " + e.getMessage();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new Outcome(result, "charge " + n + ": " + text + " (" + millis + " ms)");
  }

  private static int count(List<Outcome> outcomes, Result result) {
    return (int) outcomes.stream().filter(outcome -> outcome.result() == result).count();
  }

  private enum Result { OK, FAILED, FALLBACK }

  private record Outcome(Result result, String line) {}
}
