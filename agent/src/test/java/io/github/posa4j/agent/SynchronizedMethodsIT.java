package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.AttachLockingShopMain;
import com.acme.shop.LockingShopMain;
import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The monitor of a retried {@code synchronized} method ({@code LockingShop.count}, keys in
 * {@code locking.properties}): woven as the class loads, each attempt of the body takes it, and it
 * is free between attempts, so another thread gets it before the retry; woven by attach-time
 * advice, the method holds it across its retries, and another thread gets it only after the call.
 */
class SynchronizedMethodsIT {
  private static final Path KEYS = ChildJvm.TEST_CLASSES.resolve("locking.properties");

  @Test
  void wovenAsItLoadsTheLockIsTakenPerAttemptAndFreeBetweenAttempts() throws Exception {
    ChildJvm.Result run = ChildJvm.withAgent("config=" + KEYS).run(LockingShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains("locking: returned counted, lock held true after 2 attempts; "
        + "when the retry was decided the caller held the lock false; another thread got it after 1 attempt(s)");
  }

  @Test
  void wovenByAttachingTheLockIsHeldAcrossRetries() throws Exception {
    Process app = ChildJvm.plain().jvmOption("-XX:+EnableDynamicAgentLoading").start(AttachLockingShopMain.class);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = app.getOutputStream()) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
        lines.add(line);
      }
      assertThat(line).as("the app said ready: %s", lines).isNotNull();

      VirtualMachine vm = VirtualMachine.attach(line.substring("ready ".length()));
      try {
        vm.loadAgent(ChildJvm.AGENT_JAR.toString(), "config=" + KEYS);
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

      assertThat(lines).anySatisfy(l -> assertThat(l)
          .startsWith("[posa4j] woven com.acme.shop.LockingShop/count(): Retry(maxRetries=1"));
      assertThat(lines).contains("locking: returned counted, lock held true after 2 attempts; "
          + "when the retry was decided the caller held the lock true; another thread got it after 2 attempt(s)");
    } finally {
      app.destroyForcibly();
    }
  }
}
