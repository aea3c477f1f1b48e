package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.BrokenShopMain;
import com.acme.shop.IsolatedShopMain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never breaks the host: each problem is one {@code [posa4j]} line naming the key or
 * method and what was done, the method stays unwoven, and the application runs to the end.
 */
class BadInputIT {
  private static ChildJvm.Result run;

  @BeforeAll
  static void runTheBrokenShop() throws Exception {
    run = ChildJvm.withAgent("config=" + ChildJvm.TEST_CLASSES.resolve("broken.properties") + ",colour=blue,log=loud")
        .run(BrokenShopMain.class);
  }

  @Test
  void theApplicationRunsUnprotectedWhereTheInputWasBad() {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains(
        "bad-ratio: returned bad ratio ran unprotected",
        "missing-fallback: IllegalStateException(missing fallback ran unprotected)",
        "work: IllegalStateException(work ran unprotected) after 1 attempts",
        "refund: IllegalStateException(refund ran unprotected)",
        "ship: IllegalStateException(ship ran unprotected)",
        "pack: IllegalStateException(pack ran unprotected)",
        "good: returned good after 2 attempts",
        "abstract: 42",
        "the application ran to the end");
  }

  @Test
  void badOptionsAreReportedAndIgnored() {
    assertLine("[posa4j] unknown agent option 'colour=blue'; ignored (options: config, include, exclude, dump, log)");
    assertLine("[posa4j] agent option log=loud is not a level; using info (levels: off, error, warn, info, debug)");
  }

  @Test
  void badKeysAreReportedAndIgnored() {
    assertLine("[posa4j] key com.acme.shop.BrokenShop/work/Retry/colour names no attribute 'colour' of Retry; ignored "
        + "(attributes: abortOn, delay, delayUnit, durationUnit, jitter, jitterDelayUnit, maxDuration, maxRetries, retryOn, enabled)");
    assertLine("[posa4j] key com.acme.shop.BrokenShop/work/Retri/maxRetries names no posa4j annotation 'Retri'; ignored "
        + "(annotations: CircuitBreaker, Retry, Timeout, Bulkhead, Fallback, LeaderOnly)");
    assertLine("[posa4j] key com.acme.shop.BrokenShop/badRatio(/Retry/maxRetries has an unclosed parameter list; ignored "
        + "(write <method>(<type>,<type>))");
    assertLine("[posa4j] key not/a/posa4j/key/at/all is not <Annotation>/<attribute>, <class>/<Annotation>/<attribute> or "
        + "<class>/<method>/<Annotation>/<attribute>; ignored");
  }

  @Test
  void keysNamingWhatCannotBeWovenAreReported() {
    assertLine("[posa4j] key com.acme.shop.BrokenShop/<init>/Retry/maxRetries names a constructor: constructors are never woven; ignored");
    assertLine("[posa4j] key com.acme.shop.BrokenShop/BrokenShop/Retry/maxRetries names a constructor: constructors are never woven; ignored");
    assertLine("[posa4j] key com.acme.shop.BrokenShop/nothing/Retry/maxRetries names no method nothing in com.acme.shop.BrokenShop; "
        + "ignored (check the name and the fully qualified parameter types)");
    assertLine("[posa4j] com.acme.shop.BrokenShop/lambda$task$0() is synthetic: only methods with a body of their own can be woven; left unwoven");
    assertLine("[posa4j] key com.acme.shop.NoSuchClass/charge/Retry/maxRetries matched no method: com.acme.shop.NoSuchClass was never loaded "
        + "(check the class name, or the include and exclude options)");
  }

  @Test
  void annotationsThatCannotBeAppliedAreReported() {
    assertThat(run.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] com.acme.shop.BrokenShop/badRatio(): ")
        .contains("failureRatio")
        .endsWith("; left unwoven"));
    assertLine("[posa4j] com.acme.shop.BrokenShop/missingFallback(): fallback nope() not found in com.acme.shop.BrokenShop; "
        + "it needs the same parameter types as missingFallback; left unwoven");
    assertLine("[posa4j] com.acme.shop.BrokenShop/nativeCall() is native: only methods with a body of their own can be woven; left unwoven");
    assertLine("[posa4j] com.acme.shop.BrokenShop$Counter/next() is abstract: only methods with a body of their own can be woven; left unwoven");
  }

  @Test
  void unparsableValuesAndMismatchedFallbacksAreReported() {
    assertThat(run.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] com.acme.shop.BrokenShop/work(): ")
        .contains("com.acme.shop.BrokenShop/work/Retry/maxRetries")
        .contains("lots")
        .endsWith("; left unwoven"));
    assertThat(run.posa4jLines()).filteredOn(line -> line.startsWith("[posa4j] com.acme.shop.BrokenShop/work(): ")).hasSize(1);
    assertThat(run.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.BrokenShop/good(): Retry(maxRetries=1"));
  }

  @Test
  void configuredFallbacksThatCannotBeCalledAreReported() {
    assertLine("[posa4j] com.acme.shop.BrokenShop/refund(java.lang.String): fallback com.acme.shop.NoSuchFallbacks.refund: "
        + "class com.acme.shop.NoSuchFallbacks not found; left unwoven");
    assertLine("[posa4j] com.acme.shop.BrokenShop/ship(java.lang.String): fallback com.acme.shop.ShopFallbacks.invoice(java.lang.String) "
        + "not found in com.acme.shop.ShopFallbacks; it needs the same parameter types as ship; left unwoven");
    assertLine("[posa4j] com.acme.shop.BrokenShop/pack(java.lang.String): fallback com.acme.shop.ShopFallbacks.pack is not static; "
        + "a configured fallback of another class must be static; left unwoven");
  }

  @Test
  void keysNamingJdkClassesAreReported() {
    assertLine("[posa4j] key java.lang.String/length/Retry/maxRetries names java.lang.String, but the agent never weaves "
        + "JDK, Byte Buddy or posa4j classes; ignored");
  }

  @Test
  void aClassWhoseLoaderCannotSeeTheAgentIsLeftUnwoven() throws Exception {
    ChildJvm.Result isolated = ChildJvm.withAgent("config=" + ChildJvm.KEYS).run(IsolatedShopMain.class);

    assertThat(isolated.exitCode()).as(isolated.output()).isZero();
    assertThat(isolated.lines()).contains("isolated: IllegalStateException(order desk busy)");
    assertThat(isolated.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] com.acme.shop.LegacyShop: its class loader (java.net.URLClassLoader@")
        .endsWith(") cannot see the agent's classes, which woven code calls; left unwoven"));
  }

  @Test
  void aConfigFileThatCannotBeReadIsReportedAndTheApplicationRuns() throws Exception {
    ChildJvm.Result missing = ChildJvm.withAgent("config=/no/such/keys.properties").run(BrokenShopMain.class);
    assertThat(missing.exitCode()).as(missing.output()).isZero();
    assertThat(missing.lines()).contains("the application ran to the end");
    assertThat(missing.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] config file /no/such/keys.properties cannot be read (")
        .endsWith("); continuing without it"));
  }

  @Test
  void aMalformedConfigFileIsReportedAndTheApplicationRuns(@TempDir Path dir) throws Exception {
    Path malformed = Files.writeString(dir.resolve("malformed.properties"),
        "com.acme.shop.BrokenShop/work/Retry/maxRetries=\\uZZZZ\n");

    ChildJvm.Result run = ChildJvm.withAgent("config=" + malformed).run(BrokenShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains("the application ran to the end");
    assertThat(run.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] config file " + malformed + " cannot be read (java.lang.IllegalArgumentException: ")
        .endsWith("); continuing without it"));
  }

  private static void assertLine(String line) {
    assertThat(run.posa4jLines()).as(run.output()).contains(line);
  }
}
