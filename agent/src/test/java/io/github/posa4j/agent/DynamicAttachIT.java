package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.AttachShopMain;
import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Attaching to a running JVM retransforms the classes that are already loaded. */
class DynamicAttachIT {

  @Test
  void attachingWeavesClassesThatAreAlreadyLoaded() throws Exception {
    Process app = ChildJvm.plain().jvmOption("-XX:+EnableDynamicAgentLoading").start(AttachShopMain.class);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = app.getOutputStream()) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
        lines.add(line);
      }
      assertThat(line).as("the app said ready: %s", lines).isNotNull();
      String pid = line.substring("ready ".length());

      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(ChildJvm.AGENT_JAR.toString(), "config=" + ChildJvm.TEST_CLASSES.resolve("attach.properties"));
      } finally {
        vm.detach();
      }
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(app.exitValue()).as(String.join("\n", lines)).isZero();

      assertThat(lines).contains(
          "before: IllegalStateException(order desk busy) after 1 attempts",
          "after: returned ordered tea after 3 attempts");
      // The classes were loaded before the agent came: woven in place by retransformation, same outcomes.
      assertThat(lines).containsAll(AnnotatedMethodsIT.SCENARIO_LINES);
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("breaker: [").endsWith("body ran 4 times"));
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("bulkhead: third BulkheadFullException("));
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("timeout: TimeoutExceededException(")
          .endsWith("interrupted in body true, flag after false, within 10 s true"));
      assertThat(lines).anySatisfy(l -> assertThat(l).matches(
          "\\[posa4j\\] attached in \\d+ ms: 2 keys name methods \\(file .*attach.properties\\); examined \\d+ classes, woven 3"));
      assertThat(lines).anySatisfy(l -> assertThat(l)
          .startsWith("[posa4j] woven com.acme.shop.LegacyShop/order(java.lang.String): Retry(maxRetries=2"));
    } finally {
      app.destroyForcibly();
    }
  }
}
