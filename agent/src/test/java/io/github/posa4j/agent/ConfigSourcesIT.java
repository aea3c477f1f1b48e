package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.ConfiguredShopMain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the agent's {@code config=} file stands among the configuration sources: system properties
 * and environment variables override it; {@code -Dposa4j.config} and {@code META-INF/posa4j.properties}
 * are read after it, so they fill in what it leaves unset and lose where it sets the same key. The
 * file adds a retry to every method of {@code ConfiguredShop}, which always fails; the number of
 * attempts shows which source set {@code maxRetries} (MicroProfile's default, 3, makes 4).
 */
class ConfigSourcesIT {
  private static final String SHOP = "com.acme.shop.ConfiguredShop/";

  @Test
  void theAgentFileIsReadAfterSystemPropertiesAndEnvironmentAndBeforeTheOtherFiles(@TempDir Path dir) throws Exception {
    // Any attribute key adds the retry (jitter=0 keeps its pauses at zero); maxRetries=1 where another source sets it too.
    Path agentFile = Files.writeString(dir.resolve("agent.properties"), String.join("\n",
        SHOP + "bySystemProperty/Retry/jitter=0",
        SHOP + "bySystemProperty/Retry/maxRetries=1",
        SHOP + "byEnvironment/Retry/jitter=0",
        SHOP + "byEnvironment/Retry/maxRetries=1",
        SHOP + "fromStandardFile/Retry/jitter=0",
        SHOP + "contestedByStandardFile/Retry/jitter=0",
        SHOP + "contestedByStandardFile/Retry/maxRetries=1",
        SHOP + "fromClassPath/Retry/jitter=0",
        SHOP + "contestedByClassPath/Retry/jitter=0",
        SHOP + "contestedByClassPath/Retry/maxRetries=1",
        ""));
    Path standardFile = Files.writeString(dir.resolve("standard.properties"), String.join("\n",
        SHOP + "fromStandardFile/Retry/maxRetries=2",
        SHOP + "contestedByStandardFile/Retry/maxRetries=4",
        ""));
    Path classPath = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(Files.createDirectories(classPath.resolve("META-INF")).resolve("posa4j.properties"), String.join("\n",
        SHOP + "fromClassPath/Retry/maxRetries=2",
        SHOP + "contestedByClassPath/Retry/maxRetries=4",
        ""));

    ChildJvm.Result run = ChildJvm.withAgent("config=" + agentFile)
        .jvmOption("-D" + SHOP + "bySystemProperty/Retry/maxRetries=3")
        .environment("COM_ACME_SHOP_CONFIGUREDSHOP_BYENVIRONMENT_RETRY_MAXRETRIES", "2")
        .jvmOption("-Dposa4j.config=" + standardFile)
        .classPathFirst(classPath)
        .run(ConfiguredShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains(
        "bySystemProperty: IllegalStateException(system property down) after 4 attempts",
        "byEnvironment: IllegalStateException(environment down) after 3 attempts",
        "fromStandardFile: IllegalStateException(standard file down) after 3 attempts",
        "contestedByStandardFile: IllegalStateException(contested by standard file down) after 2 attempts",
        "fromClassPath: IllegalStateException(class path down) after 3 attempts",
        "contestedByClassPath: IllegalStateException(contested by class path down) after 2 attempts");
    assertThat(run.posa4jLines()).filteredOn(line -> line.startsWith("[posa4j] woven " + SHOP)).hasSize(6)
        .allSatisfy(line -> assertThat(line).endsWith("[from keys]"));
  }

  /** The baseline of the test above: the file alone, the default, and a method it does not name. */
  @Test
  void withoutTheOtherSourcesTheAgentFileDecides(@TempDir Path dir) throws Exception {
    Path agentFile = Files.writeString(dir.resolve("agent.properties"), String.join("\n",
        SHOP + "bySystemProperty/Retry/maxRetries=1",
        SHOP + "bySystemProperty/Retry/jitter=0",
        SHOP + "fromStandardFile/Retry/jitter=0",
        ""));

    ChildJvm.Result run = ChildJvm.withAgent("config=" + agentFile).run(ConfiguredShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains(
        "bySystemProperty: IllegalStateException(system property down) after 2 attempts",
        "fromStandardFile: IllegalStateException(standard file down) after 4 attempts",
        "byEnvironment: IllegalStateException(environment down) after 1 attempts");
  }
}
