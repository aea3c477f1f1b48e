package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.IdleShopMain;
import org.junit.jupiter.api.Test;

/** With nothing to weave, the agent examines classes without ever loading Byte Buddy. */
class IdleAgentIT {

  @Test
  void byteBuddyIsLoadedOnlyWhenSomethingNeedsWeaving() throws Exception {
    ChildJvm.Result idle = ChildJvm.withAgent("").jvmOption("-Xlog:class+load=info").run(IdleShopMain.class);

    assertThat(idle.exitCode()).as(idle.output()).isZero();
    assertThat(idle.lines()).contains("idle: ordered tea");
    assertThat(idle.output()).contains("com.acme.shop.LegacyShop source:").contains("io.github.posa4j.agent.Posa4jTransformer");
    assertThat(idle.lines()).noneMatch(line -> line.contains("shaded.net.bytebuddy"));
    assertThat(idle.posa4jLines()).anySatisfy(line -> assertThat(line).matches(
        "\\[posa4j\\] examined [1-9]\\d* classes, woven 0, in \\d+ ms"));

    ChildJvm.Result weaving = ChildJvm.withAgent("config=" + ChildJvm.KEYS).jvmOption("-Xlog:class+load=info")
        .run(IdleShopMain.class);
    assertThat(weaving.exitCode()).as(weaving.output()).isZero();
    assertThat(weaving.lines()).anyMatch(line -> line.contains("shaded.net.bytebuddy"));
  }
}
