package io.github.posa4j.benchmarks.agent;

/**
 * The legacy side of {@link WovenCallBenchmark}: {@link AnnotatedBackend} without a single
 * annotation, as if compiled without posa4j. Under the agent, with
 * {@code benchmarks/agent-keys.properties}, {@link #fetch()} and {@link #fetchWithTimeout()} get
 * exactly the policies {@code AnnotatedBackend} declares; no key names {@link #fetchDirect()},
 * the baseline, which stays the bare body. {@link #fail()} gets the policies of
 * {@code AnnotatedBackend.fail()}.
 */
public class PlainBackend {
  private final Integer value;
  private int attempts;

  /** A backend whose calls return {@code value}, read from a field. */
  public PlainBackend(Integer value) {
    this.value = value;
  }

  /** Woven by keys: Retry + CircuitBreaker + Bulkhead. */
  public Integer fetch() {
    return value;
  }

  /** Woven by keys: Retry + CircuitBreaker + Timeout + Bulkhead. */
  public Integer fetchWithTimeout() {
    return value;
  }

  /** Named by no key: the body alone, the baseline. */
  public Integer fetchDirect() {
    return value;
  }

  /** Woven by keys: Retry + CircuitBreaker (skipping the failure) + Bulkhead; always throws. */
  public Integer fail() {
    attempts++;
    throw BackendFailure.INSTANCE;
  }

  /** How many times {@link #fail()}'s body ran. */
  public int attempts() {
    return attempts;
  }
}
