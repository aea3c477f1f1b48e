package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.ops.RetransformingAgent;
import com.acme.shop.LegacyShop;
import com.acme.shop.RetransformedShopMain;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class woven as it loaded, then retransformed by another agent: it gets the same wrappers
 * again, so its policies still apply and its shape (its {@code $posa4j$body} methods) never
 * changes; and weaving never adds a field, so its fields are exactly those of the unwoven class.
 * Both for the class file as javac wrote it and for the same one marked as Java 8.
 */
class RetransformedClassIT {
  /**
   * The bodies of the methods of {@link LegacyShop} that {@code keys.properties} names: private,
   * same descriptor (without the generic signature).
   */
  private static final List<String> BODIES = List.of(
      "private java.lang.String com.acme.shop.LegacyShop.order$posa4j$body(java.lang.String)",
      "private java.lang.String com.acme.shop.LegacyShop.quote$posa4j$body(int)",
      "private java.lang.String com.acme.shop.LegacyShop.invoice$posa4j$body(java.lang.String,long)",
      "private java.util.concurrent.CompletionStage com.acme.shop.LegacyShop.notifyCustomer$posa4j$body(java.lang.String)");

  @Test
  void aClassWovenAsItLoadedKeepsItsWrappersWhenAnotherAgentRetransformsIt(@TempDir Path dir) throws Exception {
    assertKeepsItsWrappers(run(dir, null));
  }

  @Test
  void aJava8ClassFileKeepsItsWrappersToo(@TempDir Path dir) throws Exception {
    byte[] classFile = Files.readAllBytes(ChildJvm.TEST_CLASSES.resolve("com/acme/shop/LegacyShop.class"));
    classFile[6] = 0;
    classFile[7] = 52; // major version: Java 8, policies through a call instead of a dynamic constant
    Path older = dir.resolve("older");
    Files.write(Files.createDirectories(older.resolve("com/acme/shop")).resolve("LegacyShop.class"), classFile);

    assertKeepsItsWrappers(run(dir, older));
  }

  private static ChildJvm.Result run(Path dir, Path classPathFirst) throws Exception {
    ChildJvm jvm = ChildJvm.withAgent("config=" + ChildJvm.KEYS)
        .jvmOption("-javaagent:" + otherAgentJar(dir))
        .jvmOption("-Xverify:all");
    if (classPathFirst != null) {
      jvm.classPathFirst(classPathFirst);
    }
    return jvm.run(RetransformedShopMain.class);
  }

  private static void assertKeepsItsWrappers(ChildJvm.Result run) {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).containsSubsequence(
        "before: returned ordered tea after 3 attempts",
        "retransformations seen by the other agent: 1",
        "after: returned ordered tea after 3 attempts");
    assertThat(run.posa4jLines()).noneMatch(line -> line.contains("cannot"));

    // The fields of the class as this JVM, without any agent, loaded it.
    List<String> unwovenFields = RetransformedShopMain.fields(LegacyShop.class);
    assertThat(unwovenFields).isNotEmpty();
    assertThat(shape(run, "before field: ")).isEqualTo(unwovenFields);
    assertThat(shape(run, "after field: ")).isEqualTo(unwovenFields);

    List<String> expectedMethods = new ArrayList<>(RetransformedShopMain.methods(LegacyShop.class));
    expectedMethods.addAll(BODIES);
    assertThat(shape(run, "before method: ")).containsExactlyInAnyOrderElementsOf(expectedMethods);
    assertThat(shape(run, "after method: ")).containsExactlyInAnyOrderElementsOf(expectedMethods);
  }

  private static List<String> shape(ChildJvm.Result run, String prefix) {
    return run.lines().stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
  }

  /** A jar of nothing but a manifest naming {@link RetransformingAgent}, which the child finds on its class path. */
  private static Path otherAgentJar(Path dir) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", RetransformingAgent.class.getName());
    manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
    Path jar = dir.resolve("other-agent.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
    return jar;
  }
}
