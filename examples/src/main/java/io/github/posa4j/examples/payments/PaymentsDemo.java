package io.github.posa4j.examples.payments;

import io.github.posa4j.resilience.CircuitBreakerView;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The resilience demo: a payment retried until the bank answers, one that falls back after its
 * retries, and a breaker that opens so that later payments no longer reach the failing bank; then
 * the breaker's figures, as an operator sees them.
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -pl examples -am package -DskipTests
 * java -cp examples/target/classes:runtime/target/posa4j-runtime-0.1.0-SNAPSHOT.jar:annotations/target/posa4j-annotations-0.1.0-SNAPSHOT.jar \
 *     io.github.posa4j.examples.payments.PaymentsDemo
 * </pre>
 */
public final class PaymentsDemo {

  private PaymentsDemo() {}

  /** Tells the story on {@code System.out}. */
  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /** Tells the story on {@code out}; returns the bank, so a caller can check what reached it. */
  public static ScriptedBank run(PrintStream out) throws IOException {
    ScriptedBank bank = new ScriptedBank("FFS" + "FFF");
    PaymentClient payments = new ResilientPaymentClient(bank);

    out.println("1. The bank fails twice, then answers: @Retry(maxRetries = 2)");
    out.println("   pay(alice, 500) -> " + payments.pay("alice", 500) + " after " + bank.requests() + " requests");

    out.println("2. The bank fails three times: retries exhausted, @Fallback(fallbackMethod = \"queue\")");
    out.println("   pay(bob, 700) -> " + payments.pay("bob", 700) + "; requests so far: " + bank.requests());

    out.println("3. The breaker has judged its window of 6 attempts, 5 of them failed (>= 0.75): it is open");
    int before = bank.requests();
    out.println("   pay(carol, 900) -> " + payments.pay("carol", 900)
        + "; requests that reached the bank: " + (bank.requests() - before));

    out.println("4. What an operator sees of it (also as an MBean with -Dposa4j.jmx=true, and in a JFR recording):");
    for (FaultTolerance policies : FaultToleranceRegistry.global().all()) {
      if (policies.method().startsWith(PaymentClient.class.getName() + "/")) {
        policies.circuitBreaker().ifPresent(breaker -> out.println("   " + summary(breaker)));
      }
    }
    return bank;
  }

  /** One line of a breaker's figures. */
  static String summary(CircuitBreakerView breaker) {
    return "breaker " + breaker.method() + ": " + breaker.state() + ", " + breaker.successfulCalls() + " successful, "
        + breaker.failedCalls() + " failed, " + breaker.rejectedCalls() + " rejected, opened " + breaker.timesOpened()
        + " time(s)";
  }
}
