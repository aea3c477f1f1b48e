package io.github.posa4j.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bom/pom.xml} has no parent (so that it manages posa4j's artifacts and nothing else); this
 * keeps it in step with the build: the parent's version, and exactly the published modules.
 */
class BomTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MANAGED = Pattern.compile(
      "<dependency>\\s*<groupId>io\\.github\\.posa4j</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void theBomManagesEveryPublishedModuleAtTheProjectsVersion() throws Exception {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    String parent = Files.readString(ROOT.resolve("pom.xml"));

    assertThat(versionOf(bom)).as("the BOM's version").isEqualTo(versionOf(parent));
    List<String> managed = new ArrayList<>();
    Matcher dependency = MANAGED.matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
    while (dependency.find()) {
      managed.add(dependency.group(1));
      assertThat(dependency.group(2)).as("version of %s", dependency.group(1)).isEqualTo("${project.version}");
    }
    assertThat(managed).containsExactly(
        "posa4j-annotations", "posa4j-runtime", "posa4j-processor", "posa4j-agent", "posa4j-micrometer",
        "posa4j-zookeeper", "posa4j-net");
    assertThat(bom).doesNotContain("<parent>");
  }

  /** The project's own version: the first {@code <version>} after its {@code <artifactId>} outside {@code <parent>}. */
  private static String versionOf(String pom) {
    String own = pom.replaceAll("(?s)<parent>.*?</parent>", "");
    Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(own);
    assertThat(version.find()).isTrue();
    return version.group(1);
  }
}
