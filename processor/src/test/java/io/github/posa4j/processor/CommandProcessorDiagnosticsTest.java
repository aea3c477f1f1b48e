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

/**
 * Every {@code @CommandProcessor}, {@code @Undo} and {@code @ReadOnly} diagnostic: its message, on
 * the element it concerns. The messages about types posa4j cannot encode are in
 * {@link CodecDiagnosticsTest}.
 */
class CommandProcessorDiagnosticsTest {

  /** A receiver source: {@code test.Ledger}, annotated, with the given lines as its body. */
  static JavaFileObject receiver(String declaration, String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import io.github.posa4j.annotation.CommandProcessor;",
        "import io.github.posa4j.annotation.ReadOnly;",
        "import io.github.posa4j.annotation.Undo;",
        "import io.github.posa4j.command.Snapshottable;",
        "import java.time.Instant;",
        "import java.util.*;",
        "import java.util.concurrent.*;",
        "",
        "@CommandProcessor",
        declaration + " {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return Compiler.source("test.Ledger", lines.toArray(new String[0]));
  }

  static Compilation compileWithOneError(JavaFileObject... sources) {
    Compilation compilation = Compiler.compileWithoutWerror(sources);
    assertThat(compilation).hadErrorCount(1);
    return compilation;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "interface Ledger | an interface",
      "enum Ledger | an enum",
      "record Ledger(int id) | a record"})
  void commandProcessorOnAnythingButAClass(String declaration, String kind) {
    JavaFileObject source = receiver(declaration);
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@CommandProcessor applies to classes only, not to " + kind + "; write a class whose"
            + " public methods are the commands (the receiver) and annotate that class")
        .inFile(source)
        .onLineContaining(declaration);
  }

  @Test
  void commandProcessorOnAnAbstractClass() {
    JavaFileObject source = receiver("abstract class Ledger", "  public void post(long cents) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@CommandProcessor needs a concrete receiver class: open(...) and recovery create"
            + " receivers of it; remove 'abstract', or annotate a concrete subclass instead")
        .inFile(source)
        .onLineContaining("abstract class Ledger");
  }

  @Test
  void aFinalReceiverIsFine() {
    JavaFileObject source = receiver("final class Ledger", "  public void post(long cents) {}");
    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void commandProcessorOnAnInnerClass() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  @io.github.posa4j.annotation.CommandProcessor",
        "  public class Ledger {",
        "    public void post(long cents) {}",
        "  }",
        "}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@CommandProcessor needs a static nested class: the generated class is a top-level"
            + " class that names the receiver's type on its own; make this nested class static")
        .inFile(source)
        .onLineContaining("public class Ledger");
  }

  @Test
  void commandProcessorOnAPrivateNestedClass() {
    JavaFileObject source = Compiler.source("test.Outer",
        "package test;",
        "",
        "public class Outer {",
        "  @io.github.posa4j.annotation.CommandProcessor",
        "  private static class Ledger {",
        "    public void post(long cents) {}",
        "  }",
        "}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@CommandProcessor cannot serve a private class: the generated class is a separate"
            + " class in the same package; make the class (and the classes enclosing it) package-private or public")
        .inFile(source)
        .onLineContaining("private static class Ledger");
  }

  @Test
  void commandProcessorOnAGenericClass() {
    JavaFileObject source = receiver("class Ledger<K, V>", "  public void post(long cents) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@CommandProcessor cannot serve a generic class (<K, V>): the journal must know the"
            + " exact type of every argument to encode it; remove the type parameters, or annotate a subclass"
            + " that fixes them")
        .inFile(source)
        .onLineContaining("class Ledger<K, V>");
  }

  @Test
  void aSubclassThatFixesTheTypeParametersOfItsSuperclassIsFine() {
    JavaFileObject base = Compiler.source("test.Book",
        "package test;",
        "",
        "public class Book<T> {",
        "  public void record(T entry) {}",
        "}");
    JavaFileObject source = receiver("class Ledger extends Book<String>");
    assertThat(Compiler.compile(base, source)).succeededWithoutWarnings();
  }

  @Test
  void aReceiverWithoutCommands() {
    JavaFileObject source = receiver("class Ledger",
        "  void hidden() {}",
        "  public static void helper() {}",
        "  @ReadOnly public long balance() { return 0; }",
        "  @Override public String toString() { return \"ledger\"; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@CommandProcessor class has no command, so its processor would have nothing to run"
            + " or journal: every public instance method not marked @ReadOnly is a command; make public the"
            + " methods that change the receiver")
        .inFile(source)
        .onLineContaining("class Ledger");
  }

  @ParameterizedTest
  @ValueSource(strings = {"open", "undo", "redo", "macro", "snapshot", "close", "shutdownNow", "pendingRequests"})
  void aReceiverMethodNamedLikeAnEntryPoint(String name) {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  public int " + name + "(int value) { return value; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("a public receiver method named '" + name + "' would clash with " + name
            + "() of the generated LedgerCommands; rename the method or make it non-public")
        .inFile(source)
        .onLineContaining("public int " + name + "(");
  }

  @Test
  void aReadOnlyMethodNamedLikeAnEntryPoint() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  @ReadOnly public int pendingRequests() { return 0; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("a public receiver method named 'pendingRequests' would clash with pendingRequests()")
        .inFile(source)
        .onLineContaining("public int pendingRequests()");
  }

  @Test
  void anOverloadedCommand() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  public void post(String account, long cents) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("command post is overloaded: the journal records a command by its name, which must"
            + " name one method; give each overload its own name")
        .inFile(source)
        .onLineContaining("public void post(String account, long cents)");
  }

  @Test
  void overloadedReadOnlyMethodsAreFine() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  @ReadOnly public long balance() { return 0; }",
        "  @ReadOnly public long balance(String account) { return 0; }",
        "  @ReadOnly public <T> T find(Class<T> type) { return null; }");
    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void aGenericCommand() {
    JavaFileObject source = receiver("class Ledger",
        "  public <T extends Comparable<T>> void post(T entry) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("command post declares the type parameters <T>, whose arguments the journal could not"
            + " encode or decode; use concrete types, or mark the method @ReadOnly if it changes nothing")
        .inFile(source)
        .onLineContaining("public <T extends Comparable<T>> void post");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CompletableFuture<Long>", "CompletionStage<Long>", "Future<Long>"})
  void aCommandReturningAFuture(String type) {
    JavaFileObject source = receiver("class Ledger",
        "  public " + type + " post(long cents) { return null; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("command post returns java.util.concurrent." + type.replace("Long", "java.lang.Long")
            + ", but the processor runs it"
            + " synchronously on its thread and takes what it returns as its result: an asynchronous result would"
            + " escape the order of the commands and, for a command, the journal; return the value itself (the"
            + " generated method already returns a CompletableFuture of it)")
        .inFile(source)
        .onLineContaining("post(long cents)");
  }

  @Test
  void aReadOnlyMethodReturningAFuture() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  @ReadOnly public CompletableFuture<Long> balance() { return null; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("read-only method balance returns java.util.concurrent.CompletableFuture<java.lang.Long>,"
            + " but the processor runs it synchronously")
        .inFile(source)
        .onLineContaining("balance()");
  }

  @Test
  void aReadOnlyMethodUsingAPrivateType() {
    JavaFileObject source = receiver("class Ledger",
        "  private static class Secret {}",
        "  public void post(long cents) {}",
        "  @ReadOnly public Secret secret() { return null; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("the public read-only method secret uses the private type test.Ledger.Secret, which the"
            + " generated class cannot name; make test.Ledger.Secret package-private or public")
        .inFile(source)
        .onLineContaining("public Secret secret()");
  }

  @Test
  void readOnlyMethodsNeedNoCodec() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  @ReadOnly public Object describe(Runnable callback, List<?> anything) { return null; }");
    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void anUndoNamingAMissingMethod() {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public long post(String account, long cents) { return cents; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Undo(\"unpost\"): Ledger has no method unpost; declare 'void unpost(String account,"
            + " long cents)' or 'void unpost(String account, long cents, long result)' in the receiver, or name an"
            + " existing method")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @Test
  void anUndoOfAVoidCommandNamingAMissingMethod() {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public void post(List<String> accounts) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("declare 'void unpost(List<String> accounts)' in the receiver, or name an existing method")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"String account", "long cents, String account", "String account, long cents, int result",
      "String account, long cents, long result, long more", "String account, Long cents"})
  void anUndoNamingAMethodWithOtherParameters(String parameters) {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public long post(String account, long cents) { return cents; }",
        "  void unpost(" + parameters + ") {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Undo(\"unpost\") names a method whose parameters do not fit the command: an inverse"
            + " takes the command's parameters, optionally followed by one of its result type, which receives the"
            + " result; declare 'void unpost(String account, long cents)' or 'void unpost(String account, long"
            + " cents, long result)'")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @Test
  void anUndoNamingAMethodThatDoesNotReturnVoid() {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public long post(long cents) { return cents; }",
        "  boolean unpost(long cents) { return true; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Undo(\"unpost\") names a method returning boolean, but nothing would receive what an"
            + " inverse returns; make unpost return void")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @Test
  void anUndoNamingAStaticMethod() {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public void post(long cents) {}",
        "  static void unpost(long cents) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Undo(\"unpost\") names a static method; an inverse reverts a change of the receiver,"
            + " so make unpost an instance method")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @Test
  void anUndoNamingAPrivateMethod() {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public void post(long cents) {}",
        "  private void unpost(long cents) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Undo(\"unpost\") names a private method, which the generated class cannot call;"
            + " make unpost package-private (then only undo calls it)")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @Test
  void anUndoNamingAPackagePrivateMethodOfASuperclassInAnotherPackage() {
    JavaFileObject base = Compiler.source("other.Book",
        "package other;",
        "",
        "public class Book {",
        "  protected void unpost(long cents) {}",
        "}");
    JavaFileObject source = receiver("class Ledger extends other.Book",
        "  @Undo(\"unpost\")",
        "  public void post(long cents) {}");
    assertThat(compileWithOneError(base, source))
        .hadErrorContaining("@Undo(\"unpost\") names a method of a superclass in another package that is not"
            + " public, which the generated class cannot call; make unpost public")
        .inFile(source)
        .onLineContaining("@Undo(\"unpost\")");
  }

  @Test
  void anUndoTakingTheResultAndAnInheritedPublicInverseAreFine() {
    JavaFileObject base = Compiler.source("other.Book",
        "package other;",
        "",
        "public class Book {",
        "  public void unpost(long cents) {}",
        "}");
    JavaFileObject source = receiver("class Ledger extends other.Book",
        "  @Undo(\"unpost\")",
        "  public void post(long cents) {}",
        "  @Undo(\"untag\")",
        "  public List<String> tag(String tag) { return List.of(tag); }",
        "  void untag(String tag, List<String> tags) {}",
        "  @Undo(\"toggle\")",
        "  public void toggle() {}");
    assertThat(Compiler.compile(base, source)).succeededWithoutWarnings();
  }

  @Test
  void anUndoOnAReadOnlyMethod() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  @ReadOnly @Undo(\"post\")",
        "  public long balance() { return 0; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@Undo on a @ReadOnly method: a read-only method changes nothing, so there is nothing"
            + " to undo; remove @Undo, or remove @ReadOnly if the method changes the receiver")
        .inFile(source)
        .onLineContaining("@ReadOnly @Undo(\"post\")");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Undo(\"post\") | void | has no effect here | public",
      "Undo(\"post\") | static void | cannot apply to a static method | a public instance method",
      "ReadOnly | long | has no effect here | public",
      "ReadOnly | static long | cannot apply to a static method | a public instance method"})
  void undoOrReadOnlyOnAMethodThatIsNoCommand(String annotation, String declaration, String problem, String fix) {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(long cents) {}",
        "  @" + annotation,
        "  " + declaration + " helper() { " + (declaration.endsWith("void") ? "" : "return 0; ") + "}");
    String simpleName = annotation.replaceAll("\\(.*", "");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@" + simpleName + " " + problem + ": only public instance methods run through the"
            + " command processor; make the method " + fix + " or remove @" + simpleName)
        .inFile(source)
        .onLineContaining("@" + annotation);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Undo(\"post\")", "ReadOnly"})
  void undoOrReadOnlyOutsideACommandProcessor(String annotation) {
    JavaFileObject source = Compiler.source("test.Ledger",
        "package test;",
        "",
        "class Ledger {",
        "  @io.github.posa4j.annotation." + annotation,
        "  public void post() {}",
        "}");
    String simpleName = annotation.replaceAll("\\(.*", "");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("@" + simpleName + " only has effect on methods of a @CommandProcessor class; annotate"
            + " Ledger with @CommandProcessor or remove @" + simpleName)
        .inFile(source)
        .onLineContaining("@io.github.posa4j.annotation." + annotation);
  }

  @Test
  void undoAndReadOnlyInAnAbstractBaseClassAreInheritedByTheReceiver() {
    JavaFileObject base = Compiler.source("test.Book",
        "package test;",
        "",
        "import io.github.posa4j.annotation.ReadOnly;",
        "import io.github.posa4j.annotation.Undo;",
        "",
        "public abstract class Book {",
        "  @Undo(\"unpost\") public void post(long cents) {}",
        "  void unpost(long cents) {}",
        "  @ReadOnly public long balance() { return 0; }",
        "}");
    JavaFileObject source = receiver("class Ledger extends Book");
    assertThat(Compiler.compile(base, source)).succeededWithoutWarnings();
  }

  @Test
  void aSnapshottableReceiverWithoutARestoringConstructor() {
    JavaFileObject source = receiver("class Ledger implements Snapshottable<List<String>>",
        "  public Ledger() {}",
        "  Ledger(List<String> notes) {}",
        "  public Ledger(Collection<String> notes) {}",
        "  public void note(String text) {}",
        "  @Override public List<String> snapshot() { return List.of(); }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("Ledger implements Snapshottable<List<String>> but has no public constructor"
            + " Ledger(List<String>), which recovery calls to rebuild the receiver from its newest snapshot; add"
            + " 'public Ledger(List<String> state)'")
        .inFile(source)
        .onLineContaining("class Ledger implements Snapshottable");
  }

  @Test
  void snapshotIsNoCommandOfASnapshottableReceiver() {
    JavaFileObject source = receiver("class Ledger implements Snapshottable<List<String>>",
        "  public Ledger() {}",
        "  public Ledger(List<String> notes) {}",
        "  public void note(String text) {}",
        "  @Override public List<String> snapshot() { return List.of(); }");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.LedgerCommands").contentsAsUtf8String()
        .contains(".withSnapshots(LedgerCodecs.LIST_OF_STRING,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LedgerCommands", "LedgerCodecs"})
  void aGeneratedNameThatIsTaken(String taken) {
    JavaFileObject existing = Compiler.source("test." + taken, "package test;", "", "class " + taken + " {}");
    JavaFileObject source = receiver("class Ledger", "  public void note(String text) {}");
    assertThat(compileWithOneError(existing, source))
        .hadErrorContaining("@CommandProcessor would generate test." + taken + ", but a type of that name already"
            + " exists; rename that type or this one")
        .inFile(source)
        .onLineContaining("class Ledger");
  }

  @Test
  void noCodecsClassWhenNoCommandNeedsOne() {
    JavaFileObject source = receiver("class Ledger",
        "  public long post(long cents, int times) { return cents * times; }",
        "  @ReadOnly public String name() { return \"\"; }");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    org.assertj.core.api.Assertions.assertThat(compilation.generatedSourceFile("test.LedgerCodecs")).isEmpty();
  }

  @Test
  void parametersNamedLikeTheGeneratedCodeAndVarargsAreFine() {
    JavaFileObject source = receiver("class Ledger",
        "  @Undo(\"unpost\")",
        "  public long post(String runner, long receiver, int out, int in, int TYPE, long result) { return 0; }",
        "  void unpost(String runner, long receiver, int out, int in, int TYPE, long result, long result_) {}",
        "  public void tag(String... tags) {}",
        "  @ReadOnly public <T> List<T> listed(T... values) { return List.of(); }");
    assertThat(Compiler.compileWithoutWerror(source)).succeeded();
  }

  @Test
  void anInheritedCommandIsReportedOnTheReceiver() {
    JavaFileObject base = Compiler.source("test.Book",
        "package test;",
        "",
        "public class Book {",
        "  public void attach(Thread owner) {}",
        "}");
    JavaFileObject source = receiver("class Ledger extends Book", "  public void note(String text) {}");
    assertThat(compileWithOneError(base, source))
        .hadErrorContaining("parameter 'owner' of command attach has a type posa4j cannot encode: java.lang.Thread")
        .inFile(source)
        .onLineContaining("class Ledger extends Book");
  }
}
