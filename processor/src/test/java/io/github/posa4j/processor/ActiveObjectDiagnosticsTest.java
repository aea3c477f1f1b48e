package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code @ActiveObject} and {@code @Guard} diagnostic: its message, on the element it concerns. */
class ActiveObjectDiagnosticsTest {

  /** A servant source: {@code test.Servant}, annotated, with the given lines as its body. */
  private static JavaFileObject servant(String declaration, String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import io.github.posa4j.annotation.ActiveObject;",
        "import io.github.posa4j.annotation.Guard;",
        "",
        "@ActiveObject",
        declaration + " {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return Compiler.source("test.Servant", lines.toArray(new String[0]));
  }

  private static Compilation compileWithOneError(JavaFileObject source) {
    Compilation compilation = Compiler.compileWithoutWerror(source);
    assertThat(compilation).hadErrorCount(1);
    return compilation;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "interface Servant | an interface",
      "enum Servant | an enum",
      "record Servant(int id) | a record"})
  void activeObjectOnAnythingButAClass(String declaration, String kind) {
    JavaFileObject source = servant(declaration);
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@ActiveObject applies to classes only, not to " + kind
            + "; write a class whose public methods the active object should offer and annotate that class")
        .inFile(source)
        .onLineContaining(declaration);
  }

  @Test
  void activeObjectOnAnAbstractClass() {
    JavaFileObject source = servant("abstract class Servant", "  public void run() {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@ActiveObject needs a concrete servant class: start(servant) takes an instance of it;"
            + " remove 'abstract', or annotate a concrete subclass instead")
        .inFile(source)
        .onLineContaining("abstract class Servant");
  }

  @Test
  void activeObjectOnAFinalClass() {
    JavaFileObject source = servant("final class Servant", "  public void run() {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@ActiveObject servants must not be final")
        .inFile(source)
        .onLineContaining("final class Servant");
  }

  @Test
  void activeObjectOnAPrivateNestedClass() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  @io.github.posa4j.annotation.ActiveObject",
        "  private static class Hidden {",
        "    public void run() {}",
        "  }",
        "}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@ActiveObject cannot serve a private class")
        .inFile(source)
        .onLineContaining("private static class Hidden");
  }

  @Test
  void activeObjectWithoutPublicInstanceMethods() {
    JavaFileObject source = servant("class Servant",
        "  void hidden() {}",
        "  public static void helper() {}",
        "  @Override public String toString() { return \"servant\"; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@ActiveObject class has no public instance method, so its active object would offer"
            + " nothing; make public the methods callers should reach through the active object")
        .inFile(source)
        .onLineContaining("class Servant");
  }

  @ParameterizedTest
  @ValueSource(strings = {"close", "start", "shutdownNow", "pendingRequests"})
  void aServantMethodNamedLikeALifecycleMethod(String name) {
    JavaFileObject source = servant("class Servant",
        "  public void run() {}",
        "  public int " + name + "(int value) { return value; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("a public servant method named '" + name + "' would clash with " + name
            + "() of the generated active object, which manages its lifecycle; rename the method or make it non-public")
        .inFile(source)
        .onLineContaining("public int " + name + "(");
  }

  @Test
  void aGuardNamingAMissingMethod() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"isReady\")",
        "  public void run() {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"isReady\"): Servant has no method isReady(); declare 'boolean isReady()'"
            + " in the servant, or name an existing one")
        .inFile(source)
        .onLineContaining("@Guard(\"isReady\")");
  }

  @Test
  void aGuardNamingANonBooleanMethod() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"count\")",
        "  public void run() {}",
        "  int count() { return 0; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"count\") names a method returning int; the guard must return boolean"
            + " (true when the request may run)")
        .inFile(source)
        .onLineContaining("@Guard(\"count\")");
  }

  @Test
  void aGuardNamingABoxedBooleanMethod() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"ready\")",
        "  public void run() {}",
        "  Boolean ready() { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"ready\") names a method returning java.lang.Boolean; the guard must return boolean");
  }

  @Test
  void aGuardNamingAMethodWithParameters() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"hasRoomFor\")",
        "  public void put(int item) {}",
        "  boolean hasRoomFor(int item) { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"hasRoomFor\") names a method with parameters, but the scheduler calls the"
            + " guard without arguments; declare 'boolean hasRoomFor()' with no parameters")
        .inFile(source)
        .onLineContaining("@Guard(\"hasRoomFor\")");
  }

  @Test
  void aGuardNamingAStaticMethod() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"open\")",
        "  public void run() {}",
        "  static boolean open() { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"open\") names a static method; a guard is a condition of the servant's"
            + " state, so make open() an instance method")
        .inFile(source)
        .onLineContaining("@Guard(\"open\")");
  }

  @Test
  void aGuardNamingAPrivateMethod() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"open\")",
        "  public void run() {}",
        "  private boolean open() { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"open\") names a private method, which the generated active object cannot"
            + " call; make open() package-private, protected or public")
        .inFile(source)
        .onLineContaining("@Guard(\"open\")");
  }

  @Test
  void aGuardOnAStaticMethod() {
    JavaFileObject source = servant("class Servant",
        "  public void run() {}",
        "  @Guard(\"open\")",
        "  public static void helper() {}",
        "  boolean open() { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard cannot apply to a static method: only public instance methods become method"
            + " requests; make the method an instance method or remove @Guard")
        .inFile(source)
        .onLineContaining("@Guard(\"open\")");
  }

  @Test
  void aGuardOnANonPublicMethod() {
    JavaFileObject source = servant("class Servant",
        "  public void run() {}",
        "  @Guard(\"open\")",
        "  void internal() {}",
        "  boolean open() { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard has no effect here: only public instance methods become method requests;"
            + " make the method public or remove @Guard")
        .inFile(source)
        .onLineContaining("@Guard(\"open\")");
  }

  @Test
  void aGuardInAClassWithoutActiveObject() {
    JavaFileObject source = Compiler.source("test.Plain",
        "package test;",
        "",
        "class Plain {",
        "  @io.github.posa4j.annotation.Guard(\"open\")",
        "  public void run() {}",
        "  boolean open() { return true; }",
        "}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard only has effect on methods of an @ActiveObject class; annotate Plain with"
            + " @ActiveObject or remove @Guard")
        .inFile(source)
        .onLineContaining("@io.github.posa4j.annotation.Guard(\"open\")");
  }

  @Test
  void aTypeThatAlreadyHasTheGeneratedName() {
    JavaFileObject servant = servant("class Servant", "  public void run() {}");
    JavaFileObject taken = Compiler.source("test.ServantActiveObject", "package test;", "", "class ServantActiveObject {}");
    Compilation compilation = Compiler.compileWithoutWerror(servant, taken);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@ActiveObject would generate test.ServantActiveObject, but a type of that name already exists")
        .inFile(servant)
        .onLineContaining("class Servant");
  }

  @Test
  void activeObjectOnAnInnerClass() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  @io.github.posa4j.annotation.ActiveObject",
        "  public class Inner {",
        "    public void run() {}",
        "  }",
        "}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@ActiveObject needs a static nested class")
        .inFile(source)
        .onLineContaining("public class Inner");
  }

  @Test
  void aMethodTypeParameterHidingTheClassOne() {
    JavaFileObject source = Compiler.source("test.Box",
        "package test;",
        "",
        "@io.github.posa4j.annotation.ActiveObject",
        "public class Box<T> {",
        "  public <T> T echo(T value) { return value; }",
        "}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("the type parameter T of echo hides the class's type parameter T, and the generated"
            + " method request needs both; rename the method's type parameter")
        .inFile(source)
        .onLineContaining("public <T> T echo");
  }

  @Test
  void aGuardThatDeclaresACheckedException() {
    JavaFileObject source = servant("class Servant",
        "  @Guard(\"ready\")",
        "  public void run() {}",
        "  boolean ready() throws java.io.IOException { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Guard(\"ready\") names a method that declares the checked exception java.io.IOException,"
            + " which the scheduler cannot pass to anyone; handle it inside ready() or make it unchecked")
        .inFile(source)
        .onLineContaining("@Guard(\"ready\")");
  }

  @Test
  void aPublicServantMethodUsingAPrivateType() {
    JavaFileObject source = servant("class Servant",
        "  private static class Secret {}",
        "  public void keep(java.util.List<Secret> secrets) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("the public servant method keep uses the private type test.Servant.Secret, which the"
            + " generated active object cannot name; make test.Servant.Secret package-private or public")
        .inFile(source)
        .onLineContaining("public void keep(");
  }

  @Test
  void aGuardInheritedFromAnotherPackageThatIsNotPublic() {
    JavaFileObject base = Compiler.source("base.Base",
        "package base;",
        "",
        "public class Base {",
        "  protected boolean ready() { return true; }",
        "}");
    JavaFileObject source = servant("class Servant extends base.Base",
        "  @Guard(\"ready\")",
        "  public void run() {}");
    Compilation compilation = Compiler.compileWithoutWerror(base, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Guard(\"ready\") names a method of a superclass in another package that is not public")
        .inFile(source)
        .onLineContaining("@Guard(\"ready\")");
  }

  @Test
  void aValidServantCompilesWithoutWarnings() {
    JavaFileObject source = servant("class Servant",
        "  private final java.util.List<String> items = new java.util.ArrayList<>();",
        "  @Guard(\"hasItems\")",
        "  public String take() { return items.remove(0); }",
        "  public void put(String item) { items.add(item); }",
        "  public void put(String... more) { items.addAll(java.util.List.of(more)); }",
        "  public java.util.concurrent.CompletionStage<?> anything() { return null; }",
        "  public <E extends Exception> void risky(E failure) throws E { throw failure; }",
        "  public void scheduler(int scheduler) {}",
        "  public int find(int key) { return key; }",
        "  public int find(String key) { return 0; }",
        "  public int find2() { return 2; }",
        "  boolean unchecked() throws IllegalStateException { return true; }",
        "  @Guard(\"unchecked\") public void guardedByUnchecked() {}",
        "  public static class Nested {}",
        "  @SafeVarargs public final void addAll(java.util.List<String>... lists) {}",
        "  public void addInts(int... values) {}",
        "  boolean hasItems() { return !items.isEmpty(); }");
    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }
}
