package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every {@code @Proxy} diagnostic: its message, on the element it concerns. */
class ProxyDiagnosticsTest {

  @ParameterizedTest
  @CsvSource({
      "class Store {}, a class",
      "enum Store { ONE }, an enum",
      "record Store(int id) {}, a record",
      "@interface Store {}, an annotation type"})
  void proxyOnAnythingButAnInterface(String declaration, String kind) {
    JavaFileObject source = Compiler.source("test.Store",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        declaration);

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Proxy applies to interfaces only, not to " + kind + "; put it on an interface")
        .inFile(source)
        .onLineContaining(declaration);
  }

  @Test
  void proxyOnAPrivateInterface() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  @io.github.posa4j.annotation.Proxy",
        "  private interface Hidden {",
        "    void run();",
        "  }",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Proxy cannot generate a proxy for a private interface")
        .inFile(source)
        .onLineContaining("private interface Hidden");
  }

  @Test
  void proxyOnASealedInterface() {
    JavaFileObject source = Compiler.source("test.Shape",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public sealed interface Shape permits Shape.Circle {",
        "  double area();",
        "  record Circle(double r) implements Shape {",
        "    public double area() { return Math.PI * r * r; }",
        "  }",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Proxy cannot implement a sealed interface")
        .inFile(source)
        .onLineContaining("public sealed interface Shape");
  }

  @Test
  void aGeneratedNameThatClashesWithAnExistingType() {
    JavaFileObject api = Compiler.source("test.Catalog",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public interface Catalog {",
        "  String find(String id);",
        "}");
    JavaFileObject clash = Compiler.source("test.CatalogProxy",
        "package test;",
        "",
        "public class CatalogProxy {}");

    Compilation compilation = Compiler.compileWithoutWerror(api, clash);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Proxy would generate test.CatalogProxy, but a type of that name already exists")
        .inFile(api)
        .onLineContaining("public interface Catalog");
  }

  @Test
  void nestedInterfacesGetFlattenedNames() {
    JavaFileObject source = Compiler.source("test.Shop",
        "package test;",
        "",
        "public class Shop {",
        "  @io.github.posa4j.annotation.Proxy",
        "  interface Till {",
        "    int total();",
        "  }",
        "}");

    Compilation compilation = Compiler.compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Shop_TillProxy");
  }

  @Test
  void aMemberTypeOfTheInterfaceThatShadowsAnImportedTypeCompiles() {
    JavaFileObject legacy = Compiler.source("legacy.Status",
        "package legacy;",
        "",
        "public enum Status { OLD }");
    JavaFileObject source = Compiler.source("test.Migrations",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public interface Migrations {",
        "  enum Status { NEW }",
        "",
        "  Status migrate(legacy.Status from);",
        "}");

    assertThat(Compiler.compile(legacy, source)).succeededWithoutWarnings();
  }
}
