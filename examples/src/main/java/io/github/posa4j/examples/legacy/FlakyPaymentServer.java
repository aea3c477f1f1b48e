package io.github.posa4j.examples.legacy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment service of the legacy app the posa4j agent protects through {@code legacy.properties}:
 * a JDK {@link HttpServer} on {@code 127.0.0.1} and an ephemeral port, with one endpoint,
 * {@code POST /charge?account=<a>&cents=<n>}, answering {@code 200 charged <a> <n>}.
 *
 * <p>It misbehaves on a script, by request number and without randomness: the first
 * {@link Phase} covers requests 1 to {@code n}, the next one the following requests, and so on;
 * once the schedule is over it stays healthy. A failing request is answered {@code 503}; a slow one
 * is answered after its delay, which the server sleeps in full (its threads are its own, and the
 * client giving up does not shorten it). Plain JDK, no posa4j.
 *
 * <pre>{@code
 * try (FlakyPaymentServer server = FlakyPaymentServer.start(List.of(
 *     Phase.healthy(3), Phase.failing(2), Phase.slow(1, Duration.ofSeconds(1))))) {
 *   URI base = server.uri();  // http://127.0.0.1:<port>/
 * }
 * }</pre>
 */
public final class FlakyPaymentServer implements AutoCloseable {
  private static final int THREADS = 8;

  private final List<Phase> schedule;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();

  private FlakyPaymentServer(List<Phase> schedule) throws IOException {
    this.schedule = List.copyOf(schedule);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "flaky-payment-server-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/charge", this::handle);
    server.start();
  }

  /** Starts a server following {@code schedule}, on {@code 127.0.0.1} and a free port. */
  public static FlakyPaymentServer start(List<Phase> schedule) throws IOException {
    return new FlakyPaymentServer(schedule);
  }

  /** The base address, {@code http://127.0.0.1:<port>/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The schedule, first phase first. */
  public List<Phase> schedule() {
    return schedule;
  }

  /** How many requests the server has received so far, whatever their outcome. */
  public int requests() {
    return requests.get();
  }

  /** The phase request number {@code request} (from 1) falls in; healthy after the schedule. */
  public Phase phaseOf(int request) {
    int last = 0;
    for (Phase phase : schedule) {
      last += phase.requests();
      if (request <= last) {
        return phase;
      }
    }
    return Phase.healthy(1);
  }

  /** Stops listening at once and shuts its threads down; requests still sleeping are abandoned. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      int request = requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      Phase phase = phaseOf(request);
      if (phase.kind() == Phase.Kind.FAILING) {
        respond(exchange, 503, "payment service unavailable (request " + request + ")");
        return;
      }
      if (phase.kind() == Phase.Kind.SLOW) {
        sleepFully(phase.delay());
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "use POST");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String account = query.get("account");
      String cents = query.get("cents");
      if (!"/charge".equals(exchange.getRequestURI().getPath())) {
        respond(exchange, 404, "no such endpoint");
      } else if (account == null || account.isBlank() || cents == null || !cents.matches("\\d{1,18}")) {
        respond(exchange, 400, "expected /charge?account=<account>&cents=<cents>");
      } else {
        respond(exchange, 200, "charged " + account + " " + Long.parseLong(cents));
      }
    } catch (IOException clientGone) {
      // The client gave up (e.g. timed out) or the server was closed while this request slept.
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  /** Sleeps the whole delay; an interrupt does not cut it short, and is kept for the caller. */
  private static void sleepFully(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    boolean interrupted = false;
    for (long left = delay.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A stretch of {@code requests} consecutive requests that all behave alike: healthy, failing
   * with {@code 503}, or slow (answered after {@code delay}).
   */
  public record Phase(Kind kind, int requests, Duration delay) {

    /** How the requests of a phase behave. */
    public enum Kind {
      /** Answered at once with {@code 200}. */
      HEALTHY,
      /** Answered at once with {@code 503 Service Unavailable}. */
      FAILING,
      /** Answered with {@code 200} after the phase's delay. */
      SLOW
    }

    /** Checks the phase: at least one request, and a delay only (and always) when slow. */
    public Phase {
      if (kind == null || delay == null) {
        throw new NullPointerException("kind and delay must not be null");
      }
      if (requests < 1) {
        throw new IllegalArgumentException("a phase covers at least one request, not " + requests);
      }
      if (kind == Kind.SLOW ? delay.isNegative() || delay.isZero() : !delay.isZero()) {
        throw new IllegalArgumentException(kind + " phase with delay " + delay
            + "; only a slow phase has a delay, and it must be positive");
      }
    }

    /** {@code requests} requests answered at once with {@code 200}. */
    public static Phase healthy(int requests) {
      return new Phase(Kind.HEALTHY, requests, Duration.ZERO);
    }

    /** {@code requests} requests answered at once with {@code 503}. */
    public static Phase failing(int requests) {
      return new Phase(Kind.FAILING, requests, Duration.ZERO);
    }

    /** {@code requests} requests answered with {@code 200} after {@code delay}. */
    public static Phase slow(int requests, Duration delay) {
      return new Phase(Kind.SLOW, requests, delay);
    }

    @Override
    public String toString() {
      String name = kind.name().toLowerCase(Locale.ROOT);
      return kind == Kind.SLOW ? name + " " + requests + " x " + delay.toMillis() + " ms" : name + " " + requests;
    }
  }
}
