package io.github.posa4j.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.examples.architecture.fixture.left.Left;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cycle finder of {@link NoPackageCyclesTest}: on graphs built by hand, and on compiled classes. */
class PackageGraphTest {
  private static final String FIXTURE = "io.github.posa4j.examples.architecture.fixture";

  @Test
  void aGraphWithoutCyclesHasNone() {
    PackageGraph graph = new PackageGraph(name -> true);
    graph.addDependency("observe", "active");
    graph.addDependency("observe", "pubsub");
    graph.addDependency("active", "internal");
    graph.addDependency("pubsub", "internal");
    graph.addDependency("active", "active");

    assertThat(graph.cycles()).isEmpty();
  }

  @Test
  void aCycleIsListedPackageByPackage() {
    PackageGraph graph = new PackageGraph(name -> true);
    graph.addDependency("active", "observe");
    graph.addDependency("observe", "active");
    graph.addDependency("observe", "config");

    assertThat(graph.cycles()).containsExactly("active -> observe -> active");
  }

  @Test
  void eachGroupOfPackagesInACycleIsListedWithAShortestCycleThroughIt() {
    PackageGraph graph = new PackageGraph(name -> true);
    graph.addDependency("a", "b");
    graph.addDependency("b", "c");
    graph.addDependency("c", "a");
    graph.addDependency("c", "d");
    graph.addDependency("d", "b");
    graph.addDependency("x", "y");
    graph.addDependency("y", "x");
    graph.addDependency("y", "a");

    assertThat(graph.cycles()).containsExactlyInAnyOrder(
        "a -> b -> c -> a   (all in one cycle: a, b, c, d)",
        "x -> y -> x");
  }

  @Test
  void packagesTheFilterDropsAreLeftOut() {
    PackageGraph graph = new PackageGraph(name -> !name.contains(".shaded."));
    graph.addDependency("agent", "agent.shaded.bytebuddy");
    graph.addDependency("agent.shaded.bytebuddy", "agent");

    assertThat(graph.cycles()).isEmpty();
    assertThat(graph.dependencies()).containsOnlyKeys("agent");
  }

  @Test
  void aCycleBetweenCompiledPackagesIsFoundInTheirClassFiles() throws URISyntaxException {
    Path testClasses = Path.of(Left.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    PackageGraph graph = PackageGraph.of(testClasses, name -> name.startsWith(FIXTURE));

    assertThat(graph.cycles()).containsExactly(FIXTURE + ".left -> " + FIXTURE + ".right -> " + FIXTURE + ".left");
    assertThat(graph.dependencies()).containsOnlyKeys(FIXTURE + ".left", FIXTURE + ".right");
  }
}
