package io.github.posa4j.examples.legacy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The payment client of the legacy app the posa4j agent protects through {@code legacy.properties}:
 * plain {@link HttpClient} code with no retry, no timeout on the answer, no breaker, no bulkhead
 * and no fallback, and compiled without posa4j. With the agent, {@link #charge} gets them all from
 * configuration keys alone.
 */
public class LegacyPaymentClient {
  private final URI server;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3))
      .build();

  /** A client of the payment service at {@code server}, e.g. {@code http://127.0.0.1:8080/}. */
  public LegacyPaymentClient(URI server) {
    this.server = server;
  }

  /**
   * Charges {@code cents} to {@code account} with {@code POST /charge}; answers the service's
   * confirmation, e.g. {@code charged acct-1 100}. Waits as long as the service takes.
   *
   * @throws PaymentFailedException when the service answers anything but {@code 200}
   * @throws InterruptedIOException when the thread is interrupted while waiting (its interrupt
   *     flag is set again)
   * @throws IOException when the service cannot be reached
   */
  public String charge(String account, long cents) throws IOException {
    URI uri = server.resolve("/charge?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8)
        + "&cents=" + cents);
    HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("charge of " + account + " interrupted");
      interrupted.initCause(e);
      throw interrupted;
    }
    if (response.statusCode() != 200) {
      throw new PaymentFailedException(response.statusCode());
    }
    return response.body();
  }
}
