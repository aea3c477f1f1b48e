package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Method-level keys: parsing, overload narrowing, and what matched. */
class KeyRulesTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final AgentLog log = new AgentLog(new PrintStream(printed, true, StandardCharsets.UTF_8), AgentLog.Level.INFO);

  @Test
  void aKeyNamesEveryOverloadUnlessItsParameterListNarrowsIt() {
    KeyRules rules = KeyRules.of(List.of(
        "com.acme.Pay/charge/Retry/maxRetries",
        "com.acme.Pay/refund(java.lang.String, long)/Timeout/value",
        "com.acme.Pay/ping()/Bulkhead/enabled"), log);

    KeyRules.MethodRule charge = rules.rulesFor("com.acme.Pay").get(0);
    assertThat(charge.matches("charge", List.of("int"))).isTrue();
    assertThat(charge.matches("charge", List.of())).isTrue();
    assertThat(charge.matches("refund", List.of())).isFalse();

    KeyRules.MethodRule refund = rules.rulesFor("com.acme.Pay").get(1);
    assertThat(refund.matches("refund", List.of("java.lang.String", "long"))).isTrue();
    assertThat(refund.matches("refund", List.of("java.lang.String"))).isFalse();
    assertThat(refund.target()).isEqualTo("com.acme.Pay/refund(java.lang.String,long)");

    KeyRules.MethodRule ping = rules.rulesFor("com.acme.Pay").get(2);
    assertThat(ping.matches("ping", List.of())).isTrue();
    assertThat(ping.matches("ping", List.of("int"))).isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void classAndGlobalKeysNameNoMethod() {
    KeyRules rules = KeyRules.of(List.of("com.acme.Pay/Retry/maxRetries", "Retry/delay"), log);
    assertThat(rules.size()).isZero();
    assertThat(rules.namesClass("com.acme.Pay")).isFalse();
    assertThat(rules.allApplied()).isTrue();
  }

  @Test
  void remembersWhichKeysAppliedAndWhichDidNot() {
    KeyRules rules = KeyRules.of(List.of(
        "com.acme.Pay/charge/Retry/maxRetries", "com.acme.Pay/nothing/Retry/maxRetries", "com.acme.Gone/x/Retry/maxRetries"), log);
    List<KeyRules.MethodRule> pay = rules.rulesFor("com.acme.Pay");
    rules.matched(pay.get(0));
    rules.problem(pay.get(1));

    assertThat(rules.unmatched()).extracting(KeyRules.MethodRule::key).containsExactly("com.acme.Gone/x/Retry/maxRetries");
    assertThat(rules.allApplied()).isFalse();
  }

  @Test
  void malformedKeysAreReportedAndCount() {
    KeyRules rules = KeyRules.of(List.of("com.acme.Pay/charge/Retry/tries", "a/b/c/d/e"), log);
    assertThat(rules.size()).isZero();
    assertThat(rules.allApplied()).isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
  }
}
