package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code @Publisher} diagnostic: its message, on the element it concerns. */
class PublisherDiagnosticsTest {

  @ParameterizedTest
  @CsvSource({
      "class Events {}, a class",
      "enum Events { ONE }, an enum",
      "record Events(int id) {}, a record",
      "@interface Events {}, an annotation type"})
  void publisherOnAnythingButAnInterface(String declaration, String kind) {
    JavaFileObject source = Compiler.source("test.Events",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        declaration);

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Publisher applies to interfaces only, not to " + kind + "; declare the events as methods")
        .inFile(source)
        .onLineContaining(declaration);
  }

  @Test
  void anEventMethodThatReturnsAValue() {
    JavaFileObject source = events(
        "  void placed(String id);",
        "  boolean cancelled(String id);");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("event method cancelled returns boolean, but events return void")
        .inFile(source)
        .onLineContaining("boolean cancelled");
  }

  @Test
  void aGenericEventMethod() {
    JavaFileObject source = events(
        "  <T extends Number> void measured(String name, T value);");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("event method measured declares the type parameter <T>, which the generated functional"
            + " interface MeasuredListener cannot express (a lambda cannot implement a generic method); use a"
            + " wildcard or the bound instead")
        .inFile(source)
        .onLineContaining("void measured");
  }

  @Test
  void eventNamesThatDifferOnlyInTheirFirstLetter() {
    JavaFileObject source = events(
        "  void shipped(String id);",
        "  void Shipped(String id, String carrier);");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("event method Shipped and shipped both become onShipped and ShippedListener")
        .inFile(source)
        .onLineContaining("void Shipped");
  }

  @Test
  void overloadedEvents() {
    JavaFileObject source = events(
        "  void shipped(String id);",
        "  void shipped(String id, String carrier);");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("(overloads are not separate events)")
        .inFile(source)
        .onLineContaining("String carrier");
  }

  @Test
  void aDefaultOverloadOfAnEventIsNoClash() {
    JavaFileObject source = events(
        "  void shipped(String id, String carrier);",
        "  default void shipped(String id) {",
        "    shipped(id, \"post\");",
        "  }");

    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "subscribe", "close"})
  void anEventNamedLikeAPublisherMethod(String name) {
    JavaFileObject source = events(
        "  void " + name + "();");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("event method " + name + " has the name of a method of the generated publisher")
        .inFile(source)
        .onLineContaining("void " + name + "()");
  }

  @Test
  void aProblemInAnInheritedEventIsReportedOnTheAnnotatedInterface() {
    JavaFileObject base = Compiler.source("test.Base",
        "package test;",
        "",
        "interface Base {",
        "  int counted();",
        "}");
    JavaFileObject source = Compiler.source("test.Events",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "interface Events extends Base {",
        "  void placed(String id);",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(base, source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("in inherited test.Base: event method counted returns int")
        .inFile(source)
        .onLineContaining("interface Events");
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "subscribe", "close"})
  void aDefaultMethodNamedLikeAPublisherMethod(String name) {
    JavaFileObject source = events(
        "  void happened(String what);",
        "  default void " + name + "(Events other) {}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("default method " + name + " has the name of a method of the generated publisher")
        .inFile(source)
        .onLineContaining("default void " + name);
  }

  @Test
  void theCloseOfAnAutoCloseableInterfaceIsThePublishersOwnNotAnEvent() {
    JavaFileObject source = Compiler.source("test.Events",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "interface Events extends java.io.Closeable {",
        "  void happened(String what);",
        "}");

    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void anEventInheritedFromTwoInterfacesIsOneEvent() {
    JavaFileObject source = Compiler.source("test.Events",
        "package test;",
        "",
        "interface Started { void started(String by); }",
        "interface Lifecycle { void started(String by); void stopped(); }",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "interface Events extends Started, Lifecycle {}");

    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void anInterfaceInsideAPrivateClass() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  private static class Hidden {",
        "    @io.github.posa4j.annotation.Publisher",
        "    interface Events {",
        "      void happened();",
        "    }",
        "  }",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Publisher cannot generate a publisher for an interface inside the private type test.Outer.Hidden")
        .inFile(source)
        .onLineContaining("interface Events");
  }

  @Test
  void anInterfaceWithoutEvents() {
    JavaFileObject source = events(
        "  default void nothing() {}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Publisher interface declares no event methods")
        .inFile(source)
        .onLineContaining("interface Events");
  }

  @Test
  void aPrivateInterface() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  @io.github.posa4j.annotation.Publisher",
        "  private interface Hidden {",
        "    void happened();",
        "  }",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Publisher cannot generate a publisher for a private interface")
        .inFile(source)
        .onLineContaining("private interface Hidden");
  }

  @Test
  void aSealedInterface() {
    JavaFileObject source = Compiler.source("test.Events",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "sealed interface Events permits Events.Only {",
        "  void happened();",
        "  final class Only implements Events {",
        "    public void happened() {}",
        "  }",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Publisher cannot implement a sealed interface")
        .inFile(source)
        .onLineContaining("sealed interface Events");
  }

  @Test
  void aTypeWithTheGeneratedName() {
    JavaFileObject taken = Compiler.source("test.EventsPublisher",
        "package test;",
        "",
        "class EventsPublisher {}");
    JavaFileObject source = events("  void happened();");

    Compilation compilation = Compiler.compileWithoutWerror(taken, source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Publisher would generate test.EventsPublisher, but a type of that name already exists")
        .inFile(source)
        .onLineContaining("interface Events");
  }

  private static JavaFileObject events(String... body) {
    String[] lines = new String[body.length + 5];
    lines[0] = "package test;";
    lines[1] = "";
    lines[2] = "@io.github.posa4j.annotation.Publisher";
    lines[3] = "interface Events {";
    System.arraycopy(body, 0, lines, 4, body.length);
    lines[lines.length - 1] = "}";
    return Compiler.source("test.Events", lines);
  }
}
