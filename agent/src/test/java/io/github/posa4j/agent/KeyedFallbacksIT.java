package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.KeyedFallbackShopMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fallbacks that keys alone add to methods without any annotation ({@code fallbacks.properties}):
 * a {@code FallbackHandler} class named by {@code Fallback/value}, and a {@code fallbackMethod}
 * without a dot, which names a method of the woven class itself, private or not.
 */
class KeyedFallbacksIT {
  private static ChildJvm.Result woven;

  @BeforeAll
  static void runTheShopWithTheKeys() throws Exception {
    woven = ChildJvm.withAgent("config=" + ChildJvm.TEST_CLASSES.resolve("fallbacks.properties"))
        .run(KeyedFallbackShopMain.class);
    assertThat(woven.exitCode()).as(woven.output()).isZero();
  }

  @Test
  void aHandlerClassNamedByAKeyAnswersAfterTheRetries() {
    assertThat(woven.lines()).contains("handler: returned refund of o-17 queued (refund desk closed, "
        + "com.acme.shop.KeyedFallbackShop/refund(java.lang.String)) after 2 attempts");
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.KeyedFallbackShop/refund(java.lang.String): Fallback(")
        .contains("RefundLater")
        .endsWith("[from keys]"));
  }

  @Test
  void aFallbackMethodWithoutADotIsAPrivateMethodOfTheWovenClass() {
    assertThat(woven.lines()).contains(
        "own-private-method: returned 3 item(s) of o-18 cancelled later by KeyedFallbackShop after 1 attempts",
        "own-private-static-method: returned till t2 closed by hand");
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.KeyedFallbackShop/cancel(java.lang.String,int): Fallback(method")
        .endsWith("-> fallback com.acme.shop.KeyedFallbackShop.cancelLater [from keys]"));
    assertThat(woven.posa4jLines()).anySatisfy(line -> assertThat(line)
        .startsWith("[posa4j] woven com.acme.shop.KeyedFallbackShop/close(java.lang.String): Fallback(method")
        .endsWith("-> fallback com.acme.shop.KeyedFallbackShop.closeLater [from keys]"));
  }

  @Test
  void withoutTheAgentTheMethodsJustFail() throws Exception {
    ChildJvm.Result plain = ChildJvm.plain().run(KeyedFallbackShopMain.class);

    assertThat(plain.exitCode()).as(plain.output()).isZero();
    assertThat(plain.lines()).contains(
        "handler: IllegalStateException(refund desk closed) after 1 attempts",
        "own-private-method: IllegalStateException(cancellations paused) after 1 attempts",
        "own-private-static-method: IllegalStateException(till t2 jammed)");
  }
}
