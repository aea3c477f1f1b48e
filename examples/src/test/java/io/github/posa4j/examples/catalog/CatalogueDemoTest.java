package io.github.posa4j.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogueDemoTest {

  private static List<String> story;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      CatalogueDemo.run(out);
    }
    story = bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theFactoryRunsOnceAndOnlyAtTheFirstCall() {
    assertThat(story).filteredOn(line -> line.contains("[WarehouseCatalogue]")).hasSize(1);

    int ready = indexOf(line -> line.contains("proxy ready"));
    int firstCall = indexOf(line -> line.contains("first call: find(\"BK-042\")"));
    int construction = indexOf(line -> line.contains("[WarehouseCatalogue] expensive construction"));
    int firstResult = indexOf(line -> line.startsWith("   -> Product[sku=BK-042"));

    assertThat(story.get(ready)).contains("not created yet").endsWith("factory runs so far: 0");
    assertThat(ready).isLessThan(firstCall);
    assertThat(firstCall).isLessThan(construction);
    assertThat(construction).isLessThan(firstResult);
    assertThat(story.get(firstResult)).endsWith("factory runs so far: 1");
    assertThat(story).anyMatch(line -> line.startsWith("   -> Product[sku=MG-007")
        && line.endsWith("factory runs so far: 1"));
    assertThat(story.get(story.size() - 1)).startsWith("Done: the factory ran 1 time(s)");
  }

  @Test
  void theProtectionProxyLetsFindThroughAndRefusesUpdate() {
    assertThat(story).contains(
        "   -> Product[sku=PN-100, name=Fountain Pen, priceCents=12500]");
    assertThat(story).anyMatch(line -> line.startsWith(
        "   -> refused: AccessDeniedException: access to Catalogue.update(Product) denied"));
    assertThat(story).noneMatch(line -> line.contains("updated (the policy should have refused it!)"));
    assertThat(story).anyMatch(line -> line.endsWith("price is still 4200 cents"));
  }

  @Test
  void timingRecordsTheCallsThatPassedTheProtection() {
    List<String> timings = story.stream().filter(line -> line.contains("[timing]")).toList();
    assertThat(timings).singleElement().asString()
        .matches("   \\[timing\\] Catalogue\\.find\\(String\\) took \\d+ us");
    assertThat(indexOf(line -> line.contains("[timing]")))
        .isGreaterThan(indexOf(line -> line.equals("   find(\"PN-100\")")))
        .isLessThan(indexOf(line -> line.startsWith("   -> Product[sku=PN-100")));
  }

  private static int indexOf(Predicate<String> line) {
    for (int i = 0; i < story.size(); i++) {
      if (line.test(story.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such line in the story:\n" + String.join("\n", story));
  }
}
