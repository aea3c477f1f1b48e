package io.github.posa4j.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every published module leaves in its {@code target/} after {@code mvn verify} (this module's
 * tests run after the others are packaged): a jar with the licence, the notice and a module name,
 * a sources jar and a Javadoc jar.
 */
class PublishedArtifactsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"annotations", "runtime", "processor", "agent", "micrometer", "zookeeper", "net"})
  void everyPublishedModuleHasItsLicenceModuleNameSourcesAndJavadoc(String module) throws IOException {
    List<Path> jars = jarsOf(module);

    Path main = only(jars, module, name -> !name.contains("-sources") && !name.contains("-javadoc") && !name.contains("-tests")
        && !name.startsWith("original-"));
    try (JarFile jar = new JarFile(main.toFile())) {
      assertThat(read(jar, "META-INF/LICENSE")).as("META-INF/LICENSE of %s", main).isEqualTo(Files.readAllBytes(ROOT.resolve("LICENSE")));
      assertThat(read(jar, "META-INF/NOTICE")).as("META-INF/NOTICE of %s", main).isEqualTo(Files.readAllBytes(ROOT.resolve("NOTICE")));
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .as("module name of %s", main).isEqualTo("io.github.posa4j." + module);
    }
    try (JarFile sources = new JarFile(only(jars, module, name -> name.endsWith("-sources.jar")).toFile())) {
      assertThat(sources.stream().anyMatch(entry -> entry.getName().endsWith(".java"))).as("sources of %s", module).isTrue();
    }
    try (JarFile javadoc = new JarFile(only(jars, module, name -> name.endsWith("-javadoc.jar")).toFile())) {
      assertThat(javadoc.getEntry("index.html")).as("Javadoc of %s", module).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"agent"})
  void theAgentJarCarriesTheLicenceOfTheAsmItBundles(String module) throws IOException {
    Path agent = only(jarsOf(module), module, name -> name.equals("posa4j-agent.jar"));
    try (JarFile jar = new JarFile(agent.toFile())) {
      assertThat(new String(read(jar, "META-INF/licenses/ASM"), StandardCharsets.UTF_8))
          .contains("Redistribution and use in source and binary forms");
    }
  }

  private static List<Path> jarsOf(String module) throws IOException {
    Path target = ROOT.resolve(module).resolve("target");
    assertThat(target).as("%s has been packaged (run mvn verify from the repository root)", module).isDirectory();
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
    }
  }

  private static Path only(List<Path> jars, String module, Predicate<String> name) {
    List<Path> matching = jars.stream().filter(jar -> name.test(jar.getFileName().toString())).toList();
    assertThat(matching).as("the matching jar of %s among %s", module, jars).hasSize(1);
    return matching.get(0);
  }

  private static byte[] read(JarFile jar, String entry) throws IOException {
    assertThat(jar.getEntry(entry)).as("%s in %s", entry, jar.getName()).isNotNull();
    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      return in.readAllBytes();
    }
  }
}
