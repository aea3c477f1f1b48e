package io.github.posa4j.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * The fixtures of {@code src/test/java/.../fixtures} as sources, so that the processor compiles
 * the same interfaces the tests use as compiled types.
 */
final class ProxySources {
  private ProxySources() {}

  static JavaFileObject fixture(String simpleName) {
    String name = "io.github.posa4j.processor.fixtures." + simpleName;
    Path path = Path.of("src/test/java", name.replace('.', '/') + ".java");
    try {
      return JavaFileObjects.forSourceString(name, Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("run the tests from the processor module's directory", e);
    }
  }
}
