package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Generated sources for a representative set (a generic proxy, a class decorator, a generic
 * interface decorator, a generic active object with guards, a publisher, a command processor and
 * its codecs), compared with the golden files in {@code src/test/resources/golden}. After an intended change of the generator, regenerate the
 * golden files with {@code mvn -pl processor test -Dposa4j.golden.update=true} and review the diff.
 */
class GoldenSourcesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void genericInterfaceProxy() throws IOException {
    assertGeneratedMatchesGolden("Catalog", "CatalogProxy");
  }

  @Test
  void classDecorator() throws IOException {
    assertGeneratedMatchesGolden("PaymentClient", "ResilientPaymentClient");
  }

  @Test
  void classDecoratorLeavesAMarkerForTheAgent() throws IOException {
    Compilation compilation = Compiler.compile(ProxySources.fixture("PaymentClient"));
    String marker = "META-INF/posa4j/decorated/io.github.posa4j.processor.fixtures.PaymentClient";
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "", marker)
        .contentsAsUtf8String()
        .contains("io.github.posa4j.processor.fixtures.ResilientPaymentClient");
  }

  @Test
  void genericInterfaceDecorator() throws IOException {
    assertGeneratedMatchesGolden("PaymentApi", "ResilientPaymentApi");
  }

  @Test
  void genericActiveObjectWithGuards() throws IOException {
    assertGeneratedMatchesGolden("Buffer", "BufferActiveObject");
  }

  @Test
  void publisherWithADefaultMethod() throws IOException {
    assertGeneratedMatchesGolden("Orders", "OrdersPublisher");
  }

  @Test
  void commandProcessorWithUndoReadOnlyMethodsAndSnapshots() throws IOException {
    assertGeneratedMatchesGolden("Ledger", "LedgerCommands");
  }

  @Test
  void codecsOfRecordsEnumsCollectionsAndOptionals() throws IOException {
    assertGeneratedMatchesGolden("Ledger", "LedgerCodecs");
  }

  private static void assertGeneratedMatchesGolden(String fixture, String generatedName) throws IOException {
    Compilation compilation = Compiler.compile(ProxySources.fixture(fixture));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation
        .generatedSourceFile("io.github.posa4j.processor.fixtures." + generatedName)
        .orElseThrow()
        .getCharContent(true)
        .toString();
    assertMatchesGolden(generatedName + ".java", generated);
  }

  static void assertMatchesGolden(String file, String generated) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("posa4j.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertThat(generated).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
