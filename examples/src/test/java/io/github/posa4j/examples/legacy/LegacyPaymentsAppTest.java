package io.github.posa4j.examples.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.examples.legacy.FlakyPaymentServer.Phase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The legacy app without the agent: nothing protects it, so every failure surfaces, nothing is
 * retried, rejected or queued, and slow calls take as long as the server.
 */
class LegacyPaymentsAppTest {
  private static final Pattern LINE = Pattern.compile("charge (\\d+): (ok|failed|rejected|fallback) (.*) \\((\\d+) ms\\)");

  @Test
  void withoutTheAgentEveryFailureSurfacesAndNothingIsRetried() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LegacyPaymentsApp.Summary summary;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      summary = LegacyPaymentsApp.run(out);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    int beforeSale = LegacyPaymentsApp.BEFORE_SALE.stream().mapToInt(Phase::requests).sum();
    int charges = beforeSale + LegacyPaymentsApp.BURST;
    List<Matcher> calls = lines.stream().map(LINE::matcher).filter(Matcher::matches).toList();
    assertThat(calls).hasSize(charges);
    for (int i = 0; i < charges; i++) {
      Matcher call = calls.get(i);
      int n = i + 1;
      assertThat(Integer.parseInt(call.group(1))).isEqualTo(n);
      // Without retries, charge n is request n: the server's script decides each outcome.
      if (n == 4 || (n >= 8 && n <= 10)) {
        assertThat(call.group(2) + " " + call.group(3)).isEqualTo("failed PaymentFailedException: HTTP 503");
      } else {
        assertThat(call.group(2) + " " + call.group(3)).isEqualTo("ok charged acct-" + n + " " + n * 100);
      }
      if ((n >= 12 && n <= 15) || n > beforeSale) {
        assertThat(Long.parseLong(call.group(4))).as("slow charge %d", n)
            .isGreaterThanOrEqualTo(LegacyPaymentsApp.SLOW.toMillis());
      }
    }
    assertThat(lines).noneMatch(line -> line.contains("rejected") || line.contains("queued"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo(summary.toString())
        .matches("summary: ok=\\d+ failed=\\d+ fallback=\\d+ server-requests=\\d+ elapsed-ms=\\d+");

    assertThat(summary.failed()).isEqualTo(4);
    assertThat(summary.fallback()).isZero();
    assertThat(summary.ok()).isEqualTo(charges - 4);
    assertThat(summary.serverRequests()).isEqualTo(summary.charges()).isEqualTo(charges);
    // 4 slow calls one after the other, then 8 at once.
    assertThat(summary.elapsedMillis()).isGreaterThanOrEqualTo(5 * LegacyPaymentsApp.SLOW.toMillis());

    // The app closed its server on the way out.
    LegacyPaymentClient late = new LegacyPaymentClient(URI.create("http://127.0.0.1:" + summary.serverPort() + "/"));
    assertThatThrownBy(() -> late.charge("acct-late", 1)).isInstanceOf(IOException.class)
        .isNotInstanceOf(PaymentFailedException.class);
  }

  @Test
  void serverFollowsItsScheduleByRequestNumberThenStaysHealthy() throws Exception {
    Duration slow = Duration.ofMillis(300);
    try (FlakyPaymentServer server = FlakyPaymentServer.start(
        List.of(Phase.healthy(2), Phase.failing(2), Phase.slow(1, slow), Phase.healthy(1), Phase.failing(1)))) {
      LegacyPaymentClient client = new LegacyPaymentClient(server.uri());
      assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
      assertThat(server.port()).isPositive();

      assertThat(client.charge("a", 1)).isEqualTo("charged a 1");
      assertThat(client.charge("b b", 2)).isEqualTo("charged b b 2");
      assertThatThrownBy(() -> client.charge("c", 3)).isInstanceOf(PaymentFailedException.class)
          .hasMessage("HTTP 503").satisfies(e -> assertThat(((PaymentFailedException) e).status()).isEqualTo(503));
      assertThatThrownBy(() -> client.charge("d", 4)).isInstanceOf(PaymentFailedException.class);
      long start = System.nanoTime();
      assertThat(client.charge("e", 5)).isEqualTo("charged e 5");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(slow);
      assertThat(client.charge("f", 6)).isEqualTo("charged f 6");
      assertThatThrownBy(() -> client.charge("g", 7)).isInstanceOf(PaymentFailedException.class);
      for (int n = 8; n <= 20; n++) {
        assertThat(client.charge("h", n)).isEqualTo("charged h " + n);
      }
      assertThat(server.requests()).isEqualTo(20);
      assertThat(server.phaseOf(3)).isEqualTo(Phase.failing(2));
      assertThat(server.phaseOf(5)).isEqualTo(Phase.slow(1, slow));
      assertThat(server.phaseOf(8).kind()).isEqualTo(Phase.Kind.HEALTHY);
    }
  }

  @Test
  void serverAnswersBadRequestsAndCountsThemToo() throws Exception {
    try (FlakyPaymentServer server = FlakyPaymentServer.start(List.of())) {
      HttpClient http = HttpClient.newHttpClient();
      assertThat(status(http, HttpRequest.newBuilder(server.uri().resolve("/charge?account=a&cents=1")).GET())).isEqualTo(405);
      assertThat(status(http, post(server.uri().resolve("/charge?account=a")))).isEqualTo(400);
      assertThat(status(http, post(server.uri().resolve("/charge?account=a&cents=-1")))).isEqualTo(400);
      assertThat(status(http, post(server.uri().resolve("/charges?account=a&cents=1")))).isEqualTo(404);
      assertThat(server.requests()).isEqualTo(4);
    }
  }

  @Test
  void serverCountsConcurrentRequestsExactly() throws Exception {
    int threads = 8;
    int perThread = 25;
    try (FlakyPaymentServer server = FlakyPaymentServer.start(List.of(Phase.failing(50)))) {
      LegacyPaymentClient client = new LegacyPaymentClient(server.uri());
      List<Callable<Integer>> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        callers.add(() -> {
          int ok = 0;
          for (int i = 0; i < perThread; i++) {
            try {
              client.charge("acct", i);
              ok++;
            } catch (PaymentFailedException expected) {
              // one of the 50 failing requests
            }
          }
          return ok;
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      int ok = 0;
      try {
        for (Future<Integer> result : pool.invokeAll(callers)) {
          ok += result.get();
        }
      } finally {
        pool.shutdown();
      }
      assertThat(server.requests()).isEqualTo(threads * perThread);
      assertThat(ok).isEqualTo(threads * perThread - 50);
    }
  }

  @Test
  void phasesAreValidated() {
    assertThatThrownBy(() -> Phase.healthy(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Phase.slow(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Phase(Phase.Kind.FAILING, 1, Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Phase.slow(4, Duration.ofMillis(1500))).hasToString("slow 4 x 1500 ms");
    assertThat(Phase.failing(12)).hasToString("failing 12");
  }

  private static HttpRequest.Builder post(URI uri) {
    return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
  }

  private static int status(HttpClient http, HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
