package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor is isolating for Gradle's incremental compilation: it declares so in
 * {@code META-INF/gradle/incremental.annotation.processors}, and it does what Gradle requires of
 * an isolating processor, giving every file it creates through the {@link Filer} exactly one
 * originating element, here the annotated type the file is generated from.
 */
class IncrementalProcessingTest {
  private static final String FIXTURES = "io.github.posa4j.processor.fixtures.";

  @Test
  void theProcessorDeclaresItselfIsolatingForGradle() throws IOException {
    List<String> declarations = new ArrayList<>();
    for (URL resource : Collections.list(
        Posa4jProcessor.class.getClassLoader().getResources("META-INF/gradle/incremental.annotation.processors"))) {
      try (InputStream in = resource.openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).forEach(declarations::add);
      }
    }

    assertThat(declarations).filteredOn(line -> line.startsWith(Posa4jProcessor.class.getName() + ","))
        .containsExactly(Posa4jProcessor.class.getName() + ",isolating");
  }

  @Test
  void everyGeneratedFileHasExactlyOneOriginatingElementTheAnnotatedType() {
    OriginRecorder recorder = new OriginRecorder();

    Compilation compilation = javac().withProcessors(recorder).withOptions("-Xlint:all,-processing", "-Werror")
        .compile(ProxySources.fixture("Catalog"), ProxySources.fixture("PaymentClient"),
            ProxySources.fixture("PaymentApi"), ProxySources.fixture("Warehouse"), ProxySources.fixture("Buffer"),
            ProxySources.fixture("Workshop"), ProxySources.fixture("Workbench"), ProxySources.fixture("Orders"),
            ProxySources.fixture("Feed"));

    assertThat(compilation).succeededWithoutWarnings();
    String marker = "CLASS_OUTPUT:META-INF/posa4j/decorated/" + FIXTURES;
    assertThat(recorder.origins).containsOnly(
        Map.entry(FIXTURES + "CatalogProxy", List.of(FIXTURES + "Catalog")),
        Map.entry(FIXTURES + "ResilientPaymentClient", List.of(FIXTURES + "PaymentClient")),
        Map.entry(marker + "PaymentClient", List.of(FIXTURES + "PaymentClient")),
        Map.entry(FIXTURES + "ResilientPaymentApi", List.of(FIXTURES + "PaymentApi")),
        Map.entry(marker + "PaymentApi", List.of(FIXTURES + "PaymentApi")),
        Map.entry(FIXTURES + "ResilientWarehouse", List.of(FIXTURES + "Warehouse")),
        Map.entry(marker + "Warehouse", List.of(FIXTURES + "Warehouse")),
        Map.entry(FIXTURES + "BufferActiveObject", List.of(FIXTURES + "Buffer")),
        Map.entry(FIXTURES + "WorkshopActiveObject", List.of(FIXTURES + "Workshop")),
        Map.entry(FIXTURES + "OrdersPublisher", List.of(FIXTURES + "Orders")),
        Map.entry(FIXTURES + "FeedPublisher", List.of(FIXTURES + "Feed")));
  }

  /**
   * {@link Posa4jProcessor} behind a {@link Filer} that records, for each file created, the
   * originating elements given: what Gradle's incremental compilation reads.
   */
  private static final class OriginRecorder extends ForwardingProcessor {
    /** By file (a type's name, or {@code <location>:<path>} for a resource): the names of its originating elements. */
    final Map<String, List<String>> origins = new LinkedHashMap<>();

    OriginRecorder() {
      super(new Posa4jProcessor());
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      processor.init(new RecordingEnvironment(environment, new RecordingFiler(environment.getFiler())));
    }

    private void record(String file, Element... originatingElements) {
      List<String> names = new ArrayList<>();
      for (Element element : originatingElements) {
        names.add(element instanceof TypeElement type
            ? type.getQualifiedName().toString()
            : element.getKind() + " " + element);
      }
      origins.put(file, names);
    }

    private final class RecordingFiler implements Filer {
      private final Filer filer;

      RecordingFiler(Filer filer) {
        this.filer = filer;
      }

      @Override
      public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
        record(name.toString(), originatingElements);
        return filer.createSourceFile(name, originatingElements);
      }

      @Override
      public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
        record(name.toString(), originatingElements);
        return filer.createClassFile(name, originatingElements);
      }

      @Override
      public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
          CharSequence relativeName, Element... originatingElements) throws IOException {
        String directory = moduleAndPackage.length() == 0 ? "" : moduleAndPackage.toString().replace('.', '/') + "/";
        record(location.getName() + ":" + directory + relativeName, originatingElements);
        return filer.createResource(location, moduleAndPackage, relativeName, originatingElements);
      }

      @Override
      public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
          CharSequence relativeName) throws IOException {
        return filer.getResource(location, moduleAndPackage, relativeName);
      }
    }
  }

  /** The compiler's environment, but for its {@link Filer}. */
  private static final class RecordingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment environment;
    private final Filer filer;

    RecordingEnvironment(ProcessingEnvironment environment, Filer filer) {
      this.environment = environment;
      this.filer = filer;
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Map<String, String> getOptions() {
      return environment.getOptions();
    }

    @Override
    public Messager getMessager() {
      return environment.getMessager();
    }

    @Override
    public Elements getElementUtils() {
      return environment.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return environment.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return environment.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return environment.getLocale();
    }

    @Override
    public boolean isPreviewEnabled() {
      return environment.isPreviewEnabled();
    }
  }
}
