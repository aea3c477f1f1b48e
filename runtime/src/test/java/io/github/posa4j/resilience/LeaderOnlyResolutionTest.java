package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigSources;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code @LeaderOnly} resolved as the other policies are: from the method or the class, overridden
 * by method, class and global keys, turned off by {@code enabled=false}, added by a method key for
 * the agent; an empty election name is an invalid policy naming the method. Resolving joins no
 * election: that happens on the first call.
 */
class LeaderOnlyResolutionTest {
  private static final String BILLING = Billing.class.getName();
  private static final String LEGACY = Legacy.class.getName();

  @LeaderOnly("nightly")
  static class Billing {
    @LeaderOnly("billing")
    public void charge() {}

    public void report() {}

    void internal() {}

    @LeaderOnly("")
    public void unnamed() {}
  }

  static class Legacy {
    @Retry
    public void settle() {}
  }

  @Test
  void theAnnotationOnTheMethodOrTheClassNamesTheElection() {
    assertThat(election(Map.of(), "charge")).hasValue("billing");
    assertThat(election(Map.of(), "report")).hasValue("nightly");
    assertThat(resolve(Map.of(), "internal", false)).as("a class-level annotation guards public methods only").isEmpty();
  }

  @Test
  void keysOverrideTheElectionAsForTheOtherPolicies() {
    assertThat(election(Map.of("LeaderOnly/value", "everywhere"), "charge")).hasValue("everywhere");
    assertThat(election(Map.of(BILLING + "/charge/LeaderOnly/value", "payments", "LeaderOnly/value", "everywhere"),
        "charge")).hasValue("payments");
    assertThat(election(Map.of(BILLING + "/LeaderOnly/value", "reports"), "report"))
        .as("a class key overrides a class-level annotation").hasValue("reports");
    assertThat(election(Map.of(BILLING + "/LeaderOnly/value", "reports"), "charge"))
        .as("but not a method-level one").hasValue("billing");
  }

  @Test
  void enabledFalseTurnsItOffAtEachLevel() {
    assertThat(election(Map.of(BILLING + "/charge/LeaderOnly/enabled", "false"), "charge")).isEmpty();
    assertThat(election(Map.of(BILLING + "/LeaderOnly/enabled", "false"), "report")).isEmpty();
    assertThat(election(Map.of("LeaderOnly/enabled", "false"), "charge")).isEmpty();
  }

  @Test
  void aMethodKeyAddsItWhereKeysAddPolicies() {
    Map<String, String> keys = Map.of(LEGACY + "/settle/LeaderOnly/value", "billing");
    FaultTolerance woven = resolve(keys, Legacy.class, "settle", true).orElseThrow();
    assertThat(woven.policies()).extracting(Object::toString).first().isEqualTo("LeaderOnly(billing)");
    assertThat(resolve(keys, Legacy.class, "settle", false).orElseThrow().policies())
        .noneMatch(LeaderOnlyPolicy.class::isInstance);
  }

  @Test
  void itSitsInsideTheFallbackAndOutsideEveryOtherPolicy() {
    FaultTolerance policies = FaultTolerance.builder("test/order")
        .bulkhead(BulkheadPolicy.of(2))
        .timeout(TimeoutPolicy.of(java.time.Duration.ofSeconds(1)))
        .retry(RetryPolicy.builder().build())
        .leaderOnly(LeaderOnlyPolicy.of("billing"))
        .fallback(FallbackPolicy.of(call -> "fallback"))
        .build();
    assertThat(policies.policies()).extracting(policy -> policy.getClass().getSimpleName())
        .containsExactly("FallbackPolicy", "LeaderOnlyPolicy", "RetryPolicy", "TimeoutPolicy", "BulkheadPolicy");
  }

  @Test
  void anEmptyElectionNameIsInvalidAndNamesTheMethod() {
    assertThatThrownBy(() -> resolve(Map.of(), "unnamed", false)).isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("LeaderOnly.value=\"\" on " + BILLING + "/unnamed()");
    assertThatThrownBy(() -> resolve(Map.of(LEGACY + "/settle/LeaderOnly/enabled", "true"), Legacy.class, "settle", true))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining(LEGACY + "/settle()")
        .hasMessageContaining("configured: " + LEGACY + "/settle/LeaderOnly/enabled=true");
  }

  private static Optional<String> election(Map<String, String> keys, String method) {
    return resolve(keys, method, false).flatMap(policies -> policies.policies().stream()
        .filter(LeaderOnlyPolicy.class::isInstance).map(policy -> ((LeaderOnlyPolicy) policy).election()).findFirst());
  }

  private static Optional<FaultTolerance> resolve(Map<String, String> keys, String method, boolean keysAddPolicies) {
    return resolve(keys, Billing.class, method, keysAddPolicies);
  }

  private static Optional<FaultTolerance> resolve(Map<String, String> keys, Class<?> type, String method,
      boolean keysAddPolicies) {
    try {
      return new PolicyResolver(Config.of(ConfigSources.of("test", keys)))
          .resolve(type, type.getDeclaredMethod(method), keysAddPolicies);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
