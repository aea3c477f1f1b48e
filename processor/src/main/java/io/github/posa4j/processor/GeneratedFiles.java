package io.github.posa4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.TypeElement;

/** What every generated top-level type shares: its {@code @Generated} mark, origin and layout. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /**
   * A class builder for {@code name}, generated from {@code origin} (which makes the processor
   * isolating for incremental builds) and marked {@code @Generated} without a date.
   */
  static TypeSpec.Builder classGeneratedFrom(TypeElement origin, ClassName name) {
    return TypeSpec.classBuilder(name)
        .addOriginatingElement(origin)
        .addAnnotation(AnnotationSpec.builder(Generated.class)
            .addMember("value", "$S", Posa4jProcessor.GENERATOR).build());
  }

  /** The source file of {@code type}: two-space indent, {@code java.lang} types not imported. */
  static JavaFile javaFile(ClassName name, TypeSpec type) {
    return JavaFile.builder(name.packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * Writes {@code file} through the filer. An I/O failure is unexpected here: it becomes an internal
   * error on the annotated element (see {@link Posa4jProcessor}), never a javac crash.
   */
  static void write(JavaFile file, Filer filer) {
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
