package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.ShapesShopMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrappers the agent writes around methods of a class being defined, for every method shape:
 * as javac compiled the class (Java 17: policies through a dynamic constant), and the same class
 * file marked as Java 8 (policies through a call). The JVM verifies both.
 */
class WrapperShapesIT {
  private static final List<String> OUTCOMES = List.of(
      "scale: 13.0, runs 2",
      "total: 1099511627785, runs 2",
      "label: code 7 on shelf 300, runs 2",
      "locked: lock held: true, runs 2",
      "largest: quince, runs 2",
      "touch: runs 2",
      "grid: [0, 0, 0], runs 2",
      "stamp: stamped box, runs 2",
      "ratio: -0.75",
      "drop: fallback ran 1 time(s)");

  @Test
  void everyShapeIsWrappedInAJava17ClassFile() throws Exception {
    ChildJvm.Result run = ChildJvm.withAgent("").jvmOption("-Xverify:all").run(ShapesShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).containsAll(OUTCOMES);
    assertThat(run.posa4jLines()).filteredOn(line -> line.startsWith("[posa4j] woven com.acme.shop.ShapesShop/")).hasSize(10);
  }

  @Test
  void everyShapeIsWrappedInAJava8ClassFile(@TempDir Path older) throws Exception {
    byte[] classFile = Files.readAllBytes(ChildJvm.TEST_CLASSES.resolve("com/acme/shop/ShapesShop.class"));
    classFile[6] = 0;
    classFile[7] = 52; // major version: Java 8, before dynamic constants
    Files.write(Files.createDirectories(older.resolve("com/acme/shop")).resolve("ShapesShop.class"), classFile);

    ChildJvm.Result run = ChildJvm.withAgent("").jvmOption("-Xverify:all").classPathFirst(older).run(ShapesShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).containsAll(OUTCOMES);
  }
}
