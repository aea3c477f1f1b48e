package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every diagnostic of the resilience step: its message, on the element it concerns. */
class ResilienceDiagnosticsTest {

  private static JavaFileObject client(String... body) {
    String[] lines = new String[body.length + 6];
    lines[0] = "package test;";
    lines[1] = "import io.github.posa4j.annotation.*;";
    lines[2] = "import java.time.temporal.ChronoUnit;";
    lines[3] = "";
    System.arraycopy(body, 0, lines, 4, body.length);
    lines[lines.length - 2] = "";
    lines[lines.length - 1] = "";
    return Compiler.source("test.Client", lines);
  }

  private static void assertSingleError(JavaFileObject source, String message, String line) {
    Compilation compilation = Compiler.compileWithoutWerror(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @ParameterizedTest
  @CsvSource({"final", "private", "static"})
  void annotatedMethodsMustBeOverridable(String modifier) {
    assertSingleError(client(
            "public class Client {",
            "  @Retry " + modifier + " String call() { return \"\"; }",
            "}"),
        "@Retry cannot apply to a " + modifier + " method: the generated decorator overrides it; remove '" + modifier + "'",
        modifier + " String call()");
  }

  @Test
  void aFinalClass() {
    assertSingleError(client(
            "public final class Client {",
            "  @Timeout public String call() { return \"\"; }",
            "}"),
        "@Timeout needs a subclass to apply it, but this class is final",
        "public final class Client");
  }

  @Test
  void anAbstractClass() {
    assertSingleError(client(
            "public abstract class Client {",
            "  @Retry public String call() { return \"\"; }",
            "  public abstract String other();",
            "}"),
        "resilience annotations need a concrete class: the generated decorator subclasses it",
        "public abstract class Client");
  }

  @Test
  void aClassWithoutAnAccessibleConstructor() {
    assertSingleError(client(
            "public class Client {",
            "  private Client() {}",
            "  @Bulkhead public String call() { return \"\"; }",
            "}"),
        "every constructor of this class is private; add a constructor that is at least package-private",
        "public class Client");
  }

  @Test
  void aNonStaticInnerClass() {
    assertSingleError(client(
            "public class Client {",
            "  public class Inner {",
            "    @Retry public String call() { return \"\"; }",
            "  }",
            "}"),
        "make this nested class static",
        "public class Inner");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "@CircuitBreaker(failureRatio = 1.5)|@CircuitBreaker(failureRatio = 1.5): must be in [0,1]",
      "@CircuitBreaker(requestVolumeThreshold = 0)|@CircuitBreaker(requestVolumeThreshold = 0): must be >= 1",
      "@CircuitBreaker(delay = -1)|@CircuitBreaker(delay = -1): must be >= 0",
      "@CircuitBreaker(successThreshold = 0)|@CircuitBreaker(successThreshold = 0): must be >= 1",
      "@Retry(maxRetries = -2)|@Retry(maxRetries = -2): must be >= -1 (-1 retries forever)",
      "@Retry(delay = -5)|@Retry(delay = -5): must be >= 0",
      "@Retry(jitter = -1)|@Retry(jitter = -1): must be >= 0",
      "@Retry(delay = 2, delayUnit = ChronoUnit.SECONDS, maxDuration = 1500)|@Retry(maxDuration = 1500): must be 0 or longer than delay (2 SECONDS)",
      "@Timeout(-1)|@Timeout(value = -1): must be >= 0 (0 for no timeout)",
      "@Bulkhead(0)|@Bulkhead(value = 0): must be >= 1",
      "@Bulkhead(waitingTaskQueue = 0)|@Bulkhead(waitingTaskQueue = 0): must be >= 1"})
  void attributesOutOfRange(String annotation, String message) {
    assertSingleError(client(
            "public class Client {",
            "  " + annotation,
            "  public String call() { return \"\"; }",
            "}"),
        message,
        annotation);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"@LeaderOnly(\"\")", "@LeaderOnly(\"  \")", "@LeaderOnly(value = \"\")"})
  void aLeaderOnlyWithoutAnElection(String annotation) {
    assertSingleError(client(
            "public class Client {",
            "  " + annotation,
            "  public String call() { return \"\"; }",
            "}"),
        "@LeaderOnly needs the name of an election, e.g. @LeaderOnly(\"billing\")",
        annotation);
  }

  @Test
  void aLeaderOnlyOnAStaticMethod() {
    assertSingleError(client(
            "public class Client {",
            "  @LeaderOnly(\"billing\") public static String call() { return \"\"; }",
            "}"),
        "@LeaderOnly cannot apply to a static method: the generated decorator overrides it; remove 'static'",
        "public static String call()");
  }

  @Test
  void aFallbackMethodThatDoesNotExist() {
    assertSingleError(client(
            "public class Client {",
            "  @Fallback(fallbackMethod = \"later\")",
            "  public String call(int id) { return \"\"; }",
            "  String later(long id) { return \"\"; }",
            "}"),
        "@Fallback(fallbackMethod = \"later\"): no method later(int) in this class; declare it with the same parameter types",
        "@Fallback(fallbackMethod = \"later\")");
  }

  /** A class-level {@code @Fallback} inherited from a superclass is checked for each subclass method it covers. */
  @Test
  void anInheritedFallbackMethodThatDoesNotFitTheSubclassesMethod() {
    JavaFileObject base = Compiler.source("test.Base",
        "package test;",
        "import io.github.posa4j.annotation.Fallback;",
        "@Fallback(fallbackMethod = \"later\")",
        "public class Base {",
        "  String later() { return \"\"; }",
        "}");
    JavaFileObject client = Compiler.source("test.Client",
        "package test;",
        "import io.github.posa4j.annotation.Retry;",
        "public class Client extends Base {",
        "  @Retry public String call(int id) { return \"\"; }",
        "}");
    Compilation compilation = Compiler.compileWithoutWerror(base, client);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("@Fallback(fallbackMethod = \"later\"): no method later(int)")
        .inFile(base).onLineContaining("@Fallback(fallbackMethod = \"later\")");
  }

  @Test
  void aFallbackMethodWithAnIncompatibleReturnType() {
    assertSingleError(client(
            "public class Client {",
            "  @Fallback(fallbackMethod = \"later\")",
            "  public String call(int id) { return \"\"; }",
            "  Integer later(int id) { return 0; }",
            "}"),
        "@Fallback(fallbackMethod = \"later\") returns java.lang.Integer, which is not assignable to java.lang.String",
        "@Fallback(fallbackMethod = \"later\")");
  }

  @Test
  void aPrivateFallbackMethod() {
    assertSingleError(client(
            "public class Client {",
            "  @Fallback(fallbackMethod = \"later\")",
            "  public String call(int id) { return \"\"; }",
            "  private String later(int id) { return \"\"; }",
            "}"),
        "@Fallback(fallbackMethod = \"later\") is private, so the generated decorator cannot call it",
        "@Fallback(fallbackMethod = \"later\")");
  }

  @Test
  void aFallbackWithBothAHandlerAndAMethod() {
    assertSingleError(client(
            "public class Client {",
            "  public static class Handler implements FallbackHandler<String> {",
            "    public String handle(ExecutionContext context) { return \"\"; }",
            "  }",
            "  @Fallback(value = Handler.class, fallbackMethod = \"later\")",
            "  public String call() { return \"\"; }",
            "  String later() { return \"\"; }",
            "}"),
        "@Fallback gives both a handler class (value) and a fallbackMethod; keep one of them",
        "@Fallback(value = Handler.class");
  }

  @Test
  void aFallbackWithNeither() {
    assertSingleError(client(
            "public class Client {",
            "  @Fallback",
            "  public String call() { return \"\"; }",
            "}"),
        "@Fallback needs either a handler class (value) or a fallbackMethod; give one of them",
        "@Fallback");
  }

  @Test
  void aGeneratedNameThatClashesWithAnExistingType() {
    JavaFileObject clash = Compiler.source("test.ResilientClient", "package test;", "class ResilientClient {}");
    JavaFileObject source = client(
        "public class Client {",
        "  @Retry public String call() { return \"\"; }",
        "}");
    Compilation compilation = Compiler.compileWithoutWerror(source, clash);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Retry would generate test.ResilientClient, but a type of that name already exists")
        .inFile(source)
        .onLineContaining("public class Client");
  }

  @Test
  void overloadsAndBoundedWildcardsGetOnePolicyEach() throws Exception {
    JavaFileObject source = client(
        "public class Client {",
        "  @Retry public int call(int id) { return id; }",
        "  @Retry public int call(java.util.List<? extends Number> ids) { return ids.size(); }",
        "}");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ResilientClient")
        .contentsAsUtf8String()
        .contains("CALL_2 = FaultToleranceRegistry.global().forMethod(Client.class, \"call\", List.class)");
    assertThat(compilation).generatedSourceFile("test.ResilientClient")
        .contentsAsUtf8String()
        .contains("public int call(List<? extends Number> ids)");
  }

  @Test
  void aPackagePrivateFallbackMethodAndNestedPackagePrivateTypesAreFine() {
    JavaFileObject source = client(
        "public class Client {",
        "  static class Inner<T extends Comparable<T>> {",
        "    @Retry @Fallback(fallbackMethod = \"none\")",
        "    protected <X extends Exception> T call(T value, String... tags) throws X { return value; }",
        "    T none(T value, String... tags) { return value; }",
        "  }",
        "}");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ResilientClient_Inner");
  }
}
