package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.AttachLockingShopMain;
import com.acme.shop.LockingShopMain;
import java.nio.file.Path;
import java.util.List;
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
    List<String> lines = ChildJvm.runAttached(AttachLockingShopMain.class, "config=" + KEYS);

    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("[posa4j] woven com.acme.shop.LockingShop/count(): Retry(maxRetries=1"));
    assertThat(lines).contains("locking: returned counted, lock held true after 2 attempts; "
        + "when the retry was decided the caller held the lock true; another thread got it after 2 attempt(s)");
  }
}
