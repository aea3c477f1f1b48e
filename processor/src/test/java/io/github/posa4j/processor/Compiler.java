package io.github.posa4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, and loads what was compiled. */
final class Compiler {
  private Compiler() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new Posa4jProcessor()).withOptions("-Xlint:all,-processing", "-Werror").compile(sources);
  }

  static Compilation compileWithoutWerror(JavaFileObject... sources) {
    return javac().withProcessors(new Posa4jProcessor()).compile(sources);
  }

  /**
   * As {@link #compile}, with {@code classes} (class files compiled before) on the class path ahead
   * of the test's own.
   */
  static Compilation compileAgainst(Path classes, JavaFileObject... sources) {
    List<File> classPath = new ArrayList<>();
    classPath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty() && new File(entry).exists()) {
        classPath.add(new File(entry));
      }
    }
    return javac().withProcessors(new Posa4jProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(classPath).compile(sources);
  }

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A class loader over the class files of {@code compilation}, child of the test's loader. */
  static ClassLoader classLoader(Compilation compilation) {
    return classLoader(compilation, false);
  }

  /**
   * A class loader that defines every class of {@code compilation} itself, even those the test's
   * loader also has, so that generated classes share a runtime package with the sources they
   * were generated from and reach their package-private members.
   */
  static ClassLoader childFirstClassLoader(Compilation compilation) {
    return classLoader(compilation, true);
  }

  /** Writes the class files of {@code compilation} under {@code directory}, one directory per package. */
  static void writeClassFiles(Compilation compilation, Path directory) throws IOException {
    for (Map.Entry<String, byte[]> entry : classFiles(compilation).entrySet()) {
      Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
  }

  /** The class files of {@code compilation} by binary name. */
  private static Map<String, byte[]> classFiles(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(), path.length() - ".class".length())
          .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        classes.put(name, bytes.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  private static ClassLoader classLoader(Compilation compilation, boolean childFirst) {
    Map<String, byte[]> classes = classFiles(compilation);
    return new ClassLoader(Compiler.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!childFirst || !classes.containsKey(name)) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
      }

      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }
}
