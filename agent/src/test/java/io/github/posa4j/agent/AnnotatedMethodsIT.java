package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.AnnotatedShopMain;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every policy, woven from annotations into a class the processor never saw, judged from the child JVM's output. */
class AnnotatedMethodsIT {
  /** What every scenario of {@link AnnotatedShopMain} prints when woven; {@link DynamicAttachIT} expects them too. */
  static final List<String> SCENARIO_LINES = List.of(
      "retry: restocked tea after 3 attempts",
      "retry-arguments: printed 20 labels",
      "retry-exhausted: IOException(no courier for tea) after 3 attempts",
      "abort-on: IllegalArgumentException(no shelf 7) after 1 attempts",
      "static: audited after 2",
      "fallback-method: 20",
      "fallback-handler: no reviews for tea (reviews down)",
      "async-retry: delivered tea after 2 attempts",
      "async-timeout: failed TimeoutExceededException, body ran 1 times",
      "async-fallback: pick up tea in store",
      "async-override: express sent p1, override ran 1 times, woven body 2 times");

  private static ChildJvm.Result woven;

  @BeforeAll
  static void runTheShopWithTheAgent() throws Exception {
    woven = ChildJvm.withAgent("").run(AnnotatedShopMain.class);
    assertThat(woven.exitCode()).as(woven.output()).isZero();
  }

  @Test
  void everyScenarioHasItsOutcome() {
    assertThat(woven.lines()).containsAll(SCENARIO_LINES);
  }

  @Test
  void retryRerunsTheBodyInPlace() {
    assertThat(woven.lines()).contains(
        "retry: restocked tea after 3 attempts",
        "retry-arguments: printed 20 labels",
        "retry-exhausted: IOException(no courier for tea) after 3 attempts",
        "abort-on: IllegalArgumentException(no shelf 7) after 1 attempts",
        "static: audited after 2");
  }

  @Test
  void anOpenBreakerSkipsTheBodyAndThrows() {
    String failed = "IllegalStateException(price list unavailable)";
    String open = "CircuitBreakerOpenException(circuit breaker of com.acme.shop.AnnotatedShop/price(java.lang.String) is open";
    assertThat(woven.lines()).anySatisfy(line -> assertThat(line)
        .startsWith("breaker: [" + failed + ", " + failed + ", " + failed + ", " + failed + ", " + open)
        .endsWith("body ran 4 times"));
  }

  @Test
  void aFullBulkheadRejectsWithoutRunningTheBody() {
    assertThat(woven.lines()).anySatisfy(line -> assertThat(line)
        .startsWith("bulkhead: third BulkheadFullException(")
        .endsWith("others [returned packed box 0, returned packed box 1]"));
  }

  @Test
  void aTimeoutInterruptsTheThreadAndClearsTheFlag() {
    assertThat(woven.lines()).anySatisfy(line -> assertThat(line)
        .startsWith("timeout: TimeoutExceededException(")
        .endsWith("interrupted in body true, flag after false, within 10 s true"));
  }

  @Test
  void fallbacksAnswerFromAMethodOrAHandler() {
    assertThat(woven.lines()).contains(
        "fallback-method: 20",
        "fallback-handler: no reviews for tea (reviews down)");
  }

  @Test
  void asynchronousMethodsNeverBlockAndGetTheAsynchronousSemantics() {
    assertThat(woven.lines()).contains(
        "async-retry: delivered tea after 2 attempts",
        "async-timeout: failed TimeoutExceededException, body ran 1 times",
        "async-fallback: pick up tea in store",
        "async-override: express sent p1, override ran 1 times, woven body 2 times");
  }

  @Test
  void theStartupReportNamesEachWovenMethodAndWhereItsPoliciesCameFrom() {
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.AnnotatedShop/restock(java.lang.String): Retry(maxRetries=3")
        .endsWith("[from annotation]"));
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.AnnotatedShop/deliver(java.lang.String) (async): Retry("));
    assertThat(woven.posa4jLines().stream().filter(line -> line.startsWith("[posa4j] woven "))).hasSize(14);
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line).matches(
        "\\[posa4j\\] started in \\d+ ms: 0 keys name methods; examined \\d+ classes, woven 0 so far .*"));
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line).matches(
        "\\[posa4j\\] examined \\d+ classes, woven 2, in \\d+ ms"));
  }

  @Test
  void withoutTheAgentTheAnnotationsDoNothing() throws Exception {
    ChildJvm.Result plain = ChildJvm.plain().run(AnnotatedShopMain.class);
    assertThat(plain.exitCode()).isNotZero(); // restock's first failure is not retried
    assertThat(plain.output()).contains("IllegalStateException: warehouse busy").doesNotContain("[posa4j]");
  }
}
