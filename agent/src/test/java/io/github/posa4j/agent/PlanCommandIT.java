package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code java -jar posa4j-agent.jar plan}: what would be woven, read from class files without running them. */
class PlanCommandIT {

  @Test
  void listsEveryMethodWithItsEffectiveAttributesAndTheirOrigins() throws Exception {
    ChildJvm.Result plan = ChildJvm.runAgentJar("plan", "--config", ChildJvm.KEYS.toString(), ChildJvm.TEST_CLASSES.toString());

    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.lines()).containsSubsequence(
        "com.acme.shop.LegacyShop/invoice(java.lang.String,long)  [from keys]",
        "    Fallback:",
        "      applyOn={java.lang.Throwable}  (default)",
        "      fallbackMethod=com.acme.shop.ShopFallbacks.invoice  (key com.acme.shop.LegacyShop/invoice/Fallback/fallbackMethod)",
        "      skipOn={}  (default)",
        "    CircuitBreaker:",
        "      delay=5000  (default)",
        "      requestVolumeThreshold=20  (default)",
        "    calls fallback method com.acme.shop.ShopFallbacks.invoice");
    assertThat(plan.lines()).containsSubsequence(
        "com.acme.shop.AnnotatedShop/price(java.lang.String)  [from annotation]",
        "    CircuitBreaker:",
        "      delay=60000  (annotation)",
        "      failureRatio=0.5  (default)",
        "      requestVolumeThreshold=4  (annotation)");
    assertThat(plan.lines()).containsSubsequence(
        "com.acme.shop.LegacyShop/quote(int)  [from keys]",
        "    Retry:",
        "      maxRetries=1  (key com.acme.shop.LegacyShop/quote(int)/Retry/maxRetries)");
    assertThat(plan.lines()).contains("com.acme.shop.LegacyShop/notifyCustomer(java.lang.String) (async)  [from keys]");
    assertThat(plan.lines()).noneMatch(line -> line.startsWith("com.acme.shop.LegacyShop/quote(java.lang.String)"));
    assertThat(plan.lines()).noneMatch(line -> line.startsWith("com.acme.shop.AnnotatedShop/restock"));
    assertThat(plan.lines()).anyMatch(line -> line.matches("31 methods in \\d+ classes would be woven; \\d+ classes read"));
    assertThat(plan.lines()).contains("[posa4j] com.acme.shop.BrokenShop/nativeCall() is native: "
        + "only methods with a body of their own can be woven; left unwoven");
  }

  @Test
  void failsWhenAKeyMatchesNothing() throws Exception {
    ChildJvm.Result plan = ChildJvm.runAgentJar("plan", "--config",
        ChildJvm.TEST_CLASSES.resolve("broken.properties").toString(), ChildJvm.TEST_CLASSES.toString());

    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(1);
    assertThat(plan.lines()).contains("key com.acme.shop.NoSuchClass/charge/Retry/maxRetries matches nothing: "
        + "no class com.acme.shop.NoSuchClass in [" + ChildJvm.TEST_CLASSES + "]");
  }

  @Test
  void explainsItsUsage() throws Exception {
    ChildJvm.Result plan = ChildJvm.runAgentJar("plan");
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.output()).contains("usage: java -jar posa4j-agent.jar plan [--config <file>] <jar or classes dir>...");
  }
}
