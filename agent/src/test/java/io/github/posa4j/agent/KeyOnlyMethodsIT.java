package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.LegacyShopMain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Methods without any annotation, protected by configuration keys alone; and the dump option. */
class KeyOnlyMethodsIT {

  @Test
  void keysProtectMethodsThatHaveNoAnnotation(@TempDir Path dump) throws Exception {
    ChildJvm.Result woven = ChildJvm.withAgent("config=" + ChildJvm.KEYS + ",dump=" + dump).run(LegacyShopMain.class);

    assertThat(woven.exitCode()).as(woven.output()).isZero();
    assertThat(woven.lines()).contains(
        "key-retry: returned ordered tea after 3 attempts",
        "narrowed: IllegalStateException(no quote for 5) after 2 attempts",
        "other-overload: IllegalStateException(no quote for tea) after 1 attempts",
        "key-breaker-and-fallback: invoice for ada queued, body ran 20 times",
        "key-async: notified ada after 2 attempts",
        "bridge: returned stock after 2 calls",
        "disabled-by-key: IllegalStateException(warehouse busy) after 1 attempts");
    assertThat(woven.posa4jLines()).noneMatch(line -> line.contains("bridge"));
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.LegacyShop/invoice(java.lang.String,long): Fallback(method")
        .contains("CircuitBreaker(failOn=[class java.lang.Throwable] skip [], delay=5000 Millis, requestVolumeThreshold=20")
        .endsWith("-> fallback com.acme.shop.ShopFallbacks.invoice [from keys]"));
    assertThat(woven.posa4jLines()).noneMatch(line -> line.contains("LegacyShop/quote(java.lang.String)"));
    assertThat(woven.posa4jLines()).noneMatch(line -> line.contains("AnnotatedShop/restock"));

    Path dumped = dump.resolve("com/acme/shop/LegacyShop.class");
    assertThat(dumped).exists();
    byte[] original = Files.readAllBytes(ChildJvm.TEST_CLASSES.resolve("com/acme/shop/LegacyShop.class"));
    byte[] wovenBytes = Files.readAllBytes(dumped);
    assertThat(wovenBytes).startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE).isNotEqualTo(original);
    assertThat(new String(wovenBytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("io/github/posa4j/agent/Woven");
    assertThat(dump.resolve("com/acme/shop/ShopFallbacks.class")).doesNotExist();
  }

  @Test
  void theFileOfThePosa4jConfigPropertyNamesMethodsToo() throws Exception {
    ChildJvm.Result woven = ChildJvm.withAgent("").jvmOption("-Dposa4j.config=" + ChildJvm.KEYS).run(LegacyShopMain.class);

    assertThat(woven.exitCode()).as(woven.output()).isZero();
    assertThat(woven.lines()).contains("key-retry: returned ordered tea after 3 attempts");
  }

  @Test
  void optionsWorkAsSystemPropertiesAndIncludeLeavesOtherClassesAlone(@TempDir Path dump) throws Exception {
    ChildJvm.Result woven = ChildJvm.withAgent("")
        .jvmOption("-Dposa4j.agent.config=" + ChildJvm.KEYS)
        .jvmOption("-Dposa4j.agent.include=com.acme.shop.LegacyShop")
        .jvmOption("-Dposa4j.agent.dump=" + dump)
        .run(LegacyShopMain.class);

    assertThat(woven.exitCode()).as(woven.output()).isZero();
    assertThat(woven.lines()).contains(
        "key-retry: returned ordered tea after 3 attempts",
        "bridge: IllegalStateException(stock count running)",
        "disabled-by-key: IllegalStateException(warehouse busy) after 1 attempts");
    assertThat(woven.posa4jLines()).contains("[posa4j] key com.acme.shop.StockSupplier/get/Retry/maxRetries names "
        + "com.acme.shop.StockSupplier, but the include and exclude options leave the class out; ignored");
    assertThat(dump.resolve("com/acme/shop/LegacyShop.class")).exists();
    assertThat(dump.resolve("com/acme/shop/StockSupplier.class")).doesNotExist();
  }

  @Test
  void excludedClassesAreNeverExamined() throws Exception {
    ChildJvm.Result run = ChildJvm.withAgent("config=" + ChildJvm.KEYS + ",exclude=com.acme.shop.StockSupplier;com.acme.shop.Annotated")
        .run(LegacyShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains(
        "key-retry: returned ordered tea after 3 attempts",
        "bridge: IllegalStateException(stock count running)");
    assertThat(run.posa4jLines()).noneMatch(line -> line.startsWith("[posa4j] woven com.acme.shop.StockSupplier"));
  }
}
