package io.github.posa4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code carries {@code @javax.annotation.processing.Generated} only where it can see it:
 * a named module that does not read {@code java.compiler} gets none, and compiles cleanly. The
 * annotations and the runtime are on the module path as automatic modules built here, so the
 * test does not depend on how their own jars are named.
 */
class GeneratedAnnotationInModulesTest {
  @TempDir
  Path directory;

  @Test
  void aNamedModuleThatDoesNotReadJavaCompilerGetsNoGeneratedAnnotation() throws IOException {
    String proxy = compileModule("");

    assertThat(proxy).contains("public final class CatalogProxy implements Catalog");
    assertThat(proxy).doesNotContain("Generated");
  }

  @Test
  void aNamedModuleThatReadsJavaCompilerGetsIt() throws IOException {
    String proxy = compileModule("  requires java.compiler;");

    assertThat(proxy).contains("@Generated(\"io.github.posa4j.processor.Posa4jProcessor\")");
  }

  /** Compiles module {@code demo.app} with a {@code @Proxy} interface; returns the generated proxy's source. */
  private String compileModule(String extraRequires) throws IOException {
    Path annotations = automaticModule("io.github.posa4j.annotations", "io.github.posa4j.annotation.Proxy");
    Path runtime = automaticModule("io.github.posa4j.runtime", "io.github.posa4j.proxy.Interceptor");
    Path sources = Files.createDirectories(directory.resolve("src/demo/app"));
    Path moduleInfo = Files.writeString(directory.resolve("src/module-info.java"), String.join("\n",
        "module demo.app {",
        "  requires io.github.posa4j.annotations;",
        "  requires io.github.posa4j.runtime;",
        extraRequires,
        "}"));
    Path catalog = Files.writeString(sources.resolve("Catalog.java"), String.join("\n",
        "package demo.app;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public interface Catalog {",
        "  String find(long id);",
        "}"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path generated = Files.createDirectories(directory.resolve("generated"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("--module-path", annotations + File.pathSeparator + runtime, "-d", classes.toString(),
              "-s", generated.toString(), "-Xlint:all,-processing,-requires-automatic", "-Werror"),
          null, files.getJavaFileObjects(moduleInfo, catalog));
      task.setProcessors(List.of(new Posa4jProcessor()));
      boolean compiled = task.call();

      assertThat(diagnostics.getDiagnostics()).isEmpty();
      assertThat(compiled).isTrue();
    }
    assertThat(classes.resolve("demo/app/CatalogProxy.class")).exists();
    return Files.readString(generated.resolve("demo/app/CatalogProxy.java"));
  }

  /**
   * A jar named {@code moduleName} (by {@code Automatic-Module-Name}) holding the classes of the
   * directory or jar that {@code someClass} is loaded from.
   */
  private Path automaticModule(String moduleName, String someClass) throws IOException {
    Path source;
    try {
      source = Path.of(Class.forName(someClass).getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleName);
    Path jar = directory.resolve(moduleName + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      if (Files.isDirectory(source)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
          try (InputStream in = Files.newInputStream(file)) {
            copy(source.relativize(file).toString().replace(File.separatorChar, '/'), in, out);
          }
        }
      } else {
        try (JarFile in = new JarFile(source.toFile())) {
          for (JarEntry entry : Collections.list(in.entries())) {
            if (!entry.isDirectory()) {
              try (InputStream entryIn = in.getInputStream(entry)) {
                copy(entry.getName(), entryIn, out);
              }
            }
          }
        }
      }
    }
    return jar;
  }

  private static void copy(String name, InputStream in, JarOutputStream out) throws IOException {
    if (name.equals(JarFile.MANIFEST_NAME) || name.endsWith("module-info.class")) {
      return;
    }
    out.putNextEntry(new JarEntry(name));
    in.transferTo((OutputStream) out);
    out.closeEntry();
  }
}
