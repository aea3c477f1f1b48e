package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.meter.MeterMain;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A woven method's success path allocates nothing, under Retry + CircuitBreaker + Bulkhead (no
 * timeout), whether the class was woven as it loaded (a wrapper around the body) or when the agent
 * was attached (advice in the body). The child JVM counts its own allocations ({@link MeterMain});
 * one object per call would show as at least 16 bytes a call.
 */
class WovenAllocationIT {
  private static final String KEYS = String.join(",",
      "-Dcom.acme.meter.Meter/next/Retry/maxRetries=3",
      "-Dcom.acme.meter.Meter/next/Retry/jitter=0",
      "-Dcom.acme.meter.Meter/next/CircuitBreaker/requestVolumeThreshold=100",
      "-Dcom.acme.meter.Meter/next/Bulkhead/value=10");
  private static final Pattern ALLOCATED = Pattern.compile("allocated (-?\\d+) in (\\d+) calls.*");

  @Test
  void wovenAsItLoadsTheSuccessPathAllocatesNothing() throws Exception {
    ChildJvm jvm = ChildJvm.withAgent("");
    for (String key : KEYS.split(",")) {
      jvm.jvmOption(key);
    }
    ChildJvm.Result run = jvm.run(MeterMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertAllocationFree(run.lines());
  }

  @Test
  void wovenByAttachingTheSuccessPathAllocatesNothing() throws Exception {
    List<String> lines = ChildJvm.runAttached(MeterMain.class, "", KEYS.split(","), "attach");

    assertAllocationFree(lines);
  }

  private static void assertAllocationFree(List<String> lines) {
    assertThat(lines).as("the first call, whose first attempt fails, was retried").contains("first call returned 1");
    Matcher measured = lines.stream().map(ALLOCATED::matcher).filter(Matcher::matches).findFirst()
        .orElseThrow(() -> new AssertionError("no measurement in " + lines));
    long bytes = Long.parseLong(measured.group(1));
    long calls = Long.parseLong(measured.group(2));
    // The bound leaves room for the few bytes the JVM may charge to the thread once, when the JIT
    // replaces the interpreted loop.
    assertThat(bytes).as("bytes allocated by %d woven calls", calls).isLessThan(calls);
  }
}
