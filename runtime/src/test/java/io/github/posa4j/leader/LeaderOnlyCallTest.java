package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.CircuitState;
import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.InvalidPolicyException;
import io.github.posa4j.resilience.LeaderOnlyPolicy;
import io.github.posa4j.resilience.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @LeaderOnly} as a policy of {@link FaultTolerance}, against a real PostgreSQL server: a
 * leader runs the body under its epoch, a follower (another JVM leads) is refused without running
 * it, and the refusal goes past the retry and the breaker to the fallback.
 */
class LeaderOnlyCallTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final List<LeaderElection> joined = new ArrayList<>();
  private final List<MemberJvm> children = new ArrayList<>();

  @AfterEach
  void leaveElections() {
    joined.forEach(LeaderElection::close);
    MemberJvm.destroyAll(children);
    System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("posa4j.election."))
        .forEach(System::clearProperty);
  }

  @Test
  void aLeaderRunsTheBodyUnderItsEpoch() throws Exception {
    String name = newName();
    LeaderElection election = lead(name);
    FaultTolerance policies = FaultTolerance.builder("test/leads").leaderOnly(LeaderOnlyPolicy.of(name)).build();

    assertThat(policies.call(Leadership::epoch)).isEqualTo(election.epoch().getAsLong());
    assertThat(policies.callAsync(() -> CompletableFuture.completedFuture(Leadership.epoch())).get(10, TimeUnit.SECONDS))
        .as("while the asynchronous body creates its stage").isEqualTo(election.epoch().getAsLong());
    assertThatThrownBy(Leadership::epoch).as("after the call").isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only known inside a @LeaderOnly call");
    assertThat(policies.policies()).extracting(Object::toString).containsExactly("LeaderOnly(" + name + ")");
  }

  @Test
  void aNestedCallHasItsOwnEpochAndTheOuterOneIsRestored() throws Exception {
    String outerName = newName();
    String innerName = newName();
    String refusingName = newName();
    long outerEpoch = leadWithEpochAbove(outerName, 0);
    long innerEpoch = leadWithEpochAbove(innerName, outerEpoch);
    followAChild(refusingName);
    FaultTolerance outer = FaultTolerance.builder("test/outer").leaderOnly(LeaderOnlyPolicy.of(outerName)).build();
    FaultTolerance inner = FaultTolerance.builder("test/inner").leaderOnly(LeaderOnlyPolicy.of(innerName)).build();
    FaultTolerance refusing = FaultTolerance.builder("test/refusing").leaderOnly(LeaderOnlyPolicy.of(refusingName)).build();

    List<Long> seen = outer.call(() -> {
      List<Long> epochs = new ArrayList<>();
      epochs.add(Leadership.epoch());
      epochs.add(inner.call(Leadership::epoch));
      epochs.add(Leadership.epoch());
      assertThatThrownBy(() -> refusing.call(Leadership::epoch)).isInstanceOf(NotLeaderException.class);
      epochs.add(Leadership.epoch());
      return epochs;
    });

    assertThat(seen).containsExactly(outerEpoch, innerEpoch, outerEpoch, outerEpoch);
    assertThatThrownBy(Leadership::epoch).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFollowerIsRefusedWithoutRunningTheBodyAndWithoutRetryOrBreaker() throws Exception {
    String name = newName();
    followAChild(name);
    AtomicInteger bodies = new AtomicInteger();
    List<String> retries = new ArrayList<>();
    FaultTolerance policies = FaultTolerance.builder("test/follows")
        .leaderOnly(LeaderOnlyPolicy.of(name))
        .retry(RetryPolicy.builder().maxRetries(3).jitter(0).build())
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(2).failureRatio(1).build())
        .listener(new FaultToleranceListener() {
          @Override
          public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
            retries.add(method + " " + retry);
          }
        })
        .build();

    for (int call = 0; call < 5; call++) {
      assertThatThrownBy(() -> policies.call(bodies::incrementAndGet))
          .isInstanceOf(NotLeaderException.class)
          .hasMessage(NotLeaderException.messageFor("test/follows", name))
          .satisfies(refusal -> assertThat(refusal.getStackTrace()).isEmpty());
    }
    assertThatThrownBy(() -> policies.callAsync(() -> CompletableFuture.completedFuture(bodies.incrementAndGet()))
        .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotLeaderException.class);

    assertThat(bodies).as("bodies run").hasValue(0);
    assertThat(retries).as("retries").isEmpty();
    assertThat(policies.circuitState()).hasValue(CircuitState.CLOSED);
    assertThat(policies.circuitBreaker().orElseThrow().failedCalls()).as("failures the breaker counted").isZero();
    assertThat(policies.circuitBreaker().orElseThrow().rejectedCalls()).as("calls the breaker rejected").isZero();
    assertThatThrownBy(Leadership::epoch).as("no epoch is left behind by a refusal").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRefusedCallGoesToTheFallbackOutsideTheLeadership() throws Exception {
    String name = newName();
    followAChild(name);
    AtomicInteger bodies = new AtomicInteger();
    FaultTolerance policies = FaultTolerance.builder("test/fallsBack")
        .fallback(FallbackPolicy.of(call -> {
          assertThatThrownBy(Leadership::epoch).isInstanceOf(IllegalStateException.class);
          return "fallback after " + call.failure().getClass().getSimpleName();
        }, throwables(NotLeaderException.class), throwables()))
        .leaderOnly(LeaderOnlyPolicy.of(name))
        .build();

    assertThat(policies.call(() -> "body " + bodies.incrementAndGet())).isEqualTo("fallback after NotLeaderException");
    assertThat(policies.callAsync(() -> CompletableFuture.completedFuture("body " + bodies.incrementAndGet()))
        .get(10, TimeUnit.SECONDS)).isEqualTo("fallback after NotLeaderException");
    assertThat(bodies).hasValue(0);
  }

  @Test
  void anElectionWithoutAStoreRefusesEveryCallAndSaysWhy() {
    String name = newName();
    FaultTolerance policies = FaultTolerance.builder("test/unjoinable").leaderOnly(LeaderOnlyPolicy.of(name)).build();

    assertThatThrownBy(() -> policies.call(() -> "body")).isInstanceOf(NotLeaderException.class)
        .hasMessageContaining("could not join the election")
        .hasMessageContaining("posa4j.election." + name + ".url");
  }

  @Test
  void anEmptyElectionNameIsAnInvalidPolicy() {
    assertThatThrownBy(() -> FaultTolerance.builder("com.acme.Billing/run()").leaderOnly(LeaderOnlyPolicy.of(" ")).build())
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("LeaderOnly.value")
        .hasMessageContaining("com.acme.Billing/run()");
  }

  @SafeVarargs
  private static Class<? extends Throwable>[] throwables(Class<? extends Throwable>... classes) {
    return classes;
  }

  private static String newName() {
    return "leader-only-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();
  }

  /** Joins {@code name} in this JVM, with a lease of one second, and waits until it leads. */
  private LeaderElection lead(String name) throws Exception {
    System.setProperty("posa4j.election." + name + ".lease", "1000");
    LinkedBlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    LeaderElection election = LeaderElection.join(name, PostgresServer.shared().url()).onElected(elected::add);
    joined.add(election);
    assertThat(elected.poll(10, TimeUnit.SECONDS)).as("%s elected this JVM", name).isNotNull();
    return election;
  }

  /** Leads {@code name} with an epoch greater than {@code floor}, resigning and joining again until it does. */
  private long leadWithEpochAbove(String name, long floor) throws Exception {
    for (int round = 0; round <= floor; round++) {
      LeaderElection election = lead(name);
      long epoch = election.epoch().orElse(0);
      if (epoch > floor) {
        return epoch;
      }
      election.close();
    }
    throw new AssertionError(name + " never led with an epoch above " + floor);
  }

  /**
   * Makes this JVM a follower of {@code name}: a child JVM joins first and leads, then the policy
   * joins from {@code posa4j.election.<name>.url} on its first call.
   */
  private void followAChild(String name) throws Exception {
    String url = PostgresServer.shared().url();
    MemberJvm child = MemberJvm.startElectionMember("child", name, url, url, 1_000);
    children.add(child);
    child.await(line -> line.startsWith("BEGIN "));
    System.setProperty("posa4j.election." + name + ".url", url);
    System.setProperty("posa4j.election." + name + ".lease", "1000");
    joined.add(LeaderElection.join(name, url));
  }
}
