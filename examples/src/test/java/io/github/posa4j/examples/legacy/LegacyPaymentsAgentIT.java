package io.github.posa4j.examples.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.examples.agent.JavaProcess;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The legacy payments app under the agent with {@code legacy.properties}, as the README runs it:
 * the same bytes that fail on every glitch without the agent retry, time out, fall back while the
 * breaker is open, and keep the flash sale inside the bulkhead.
 */
class LegacyPaymentsAgentIT {
  private static final Pattern SUMMARY =
      Pattern.compile("summary: ok=(\\d+) failed=(\\d+) fallback=(\\d+) server-requests=(\\d+) elapsed-ms=(\\d+)");

  @Test
  void theAgentProtectsTheLegacyClientThroughConfigurationAlone() throws Exception {
    JavaProcess.Output run = JavaProcess.run("config=" + JavaProcess.property("posa4j.examples.legacy-properties"),
        Path.of(JavaProcess.property("posa4j.examples.classes")), LegacyPaymentsApp.class.getName());
    String output = String.join("\n", run.lines());

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith(
        "[posa4j] woven io.github.posa4j.examples.legacy.LegacyPaymentClient/charge(java.lang.String,long): Fallback(")
        .contains("Retry(maxRetries=2").contains("CircuitBreaker(").contains("Timeout(500 Millis)").contains("Bulkhead(4")
        .endsWith("-> fallback io.github.posa4j.examples.legacy.OfflinePayments.chargeOffline [from keys]"));
    // The one-request glitch is retried away; without the agent charge 4 fails.
    assertThat(run.lines()).anyMatch(line -> line.startsWith("charge 4: ok charged acct-4 400"));
    assertThat(run.lines()).anyMatch(line -> line.matches("charge \\d+: fallback queued acct-\\d+ \\d+ for later .*"));
    assertThat(run.lines()).anyMatch(line -> line.matches("charge \\d+: failed TimeoutExceededException: .* timed out after 500 ms .*"));
    assertThat(run.lines()).noneMatch(line -> line.contains("PaymentFailedException"));

    Matcher summary = run.lines().stream().map(SUMMARY::matcher).filter(Matcher::matches).findFirst().orElseThrow();
    int fallback = Integer.parseInt(summary.group(3));
    assertThat(fallback).isPositive();
  }
}
