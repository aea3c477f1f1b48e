package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.ReactiveShopMain;
import org.junit.jupiter.api.Test;

/**
 * A resilience-annotated method returning a lazy reactive type ({@code Mono}, here a stand-in of
 * the same name) or a plain {@code Future} is left unwoven with one {@code [posa4j]} line saying
 * why and what to return instead; the class's other methods are woven and the application runs.
 */
class RefusedReturnTypesIT {
  @Test
  void lazyAndBlockingReturnTypesAreLeftUnwovenWithOneLineEach() throws Exception {
    ChildJvm.Result run = ChildJvm.withAgent("").run(ReactiveShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains("quote: quoted", "later: later", "now: now");
    assertThat(run.posa4jLines()).filteredOn(line -> line.contains("ReactiveShop/quote()")).singleElement()
        .asString()
        .contains("returns reactor.core.publisher.Mono, a lazy Reactor type")
        .contains("return a CompletionStage")
        .endsWith("; left unwoven");
    assertThat(run.posa4jLines()).filteredOn(line -> line.contains("ReactiveShop/later()")).singleElement()
        .asString()
        .contains("returns java.util.concurrent.Future, a Future that is not a CompletionStage")
        .endsWith("; left unwoven");
    assertThat(run.posa4jLines()).anySatisfy(line -> assertThat(line).startsWith("[posa4j] woven com.acme.shop.ReactiveShop/now()"));
  }
}
