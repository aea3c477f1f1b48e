package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.AttachShopMain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attaching to a running JVM retransforms the classes that are already loaded. */
class DynamicAttachIT {

  @Test
  void attachingWeavesClassesThatAreAlreadyLoaded() throws Exception {
    List<String> lines = ChildJvm.runAttached(AttachShopMain.class,
        "config=" + ChildJvm.TEST_CLASSES.resolve("attach.properties"));

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
  }
}
