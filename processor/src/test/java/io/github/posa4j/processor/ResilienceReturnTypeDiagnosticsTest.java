package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Return types the resilience policies refuse, one test per family: lazy types (Reactor, Mutiny,
 * RxJava 3 and 2, {@code Flow.Publisher}) and {@code Future}s that are not {@code CompletionStage}s.
 * The libraries are stand-ins of the same names, so none is a dependency of the processor.
 */
class ResilienceReturnTypeDiagnosticsTest {
  private static final String LAZY = ": that type is lazy (the call only assembles it; nothing runs until it is"
      + " subscribed to), so the policies would judge the assembly, not the work's outcome; return"
      + " CompletionStage or CompletableFuture (converting it), or the plain value";

  @ParameterizedTest
  @CsvSource({"Mono, Mono<String>", "Flux, Flux<String>"})
  void reactor(String type, String returnType) {
    assertRefused("reactor.core.publisher", type, false, returnType, LAZY);
  }

  @Test
  void reactorUnderAClassLevelAnnotation() {
    JavaFileObject mono = stub("reactor.core.publisher", "Mono", false);
    JavaFileObject client = Compiler.source("test.Client",
        "package test;",
        "",
        "import io.github.posa4j.annotation.*;",
        "import reactor.core.publisher.Mono;",
        "",
        "@CircuitBreaker",
        "public class Client {",
        "  public String plain() { return \"\"; }",
        "  public Mono<String> call() { return null; }",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(mono, client);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@CircuitBreaker cannot protect a method returning reactor.core.publisher.Mono<java.lang.String>" + LAZY)
        .inFile(client)
        .onLineContaining("public Mono<String> call()");
  }

  @ParameterizedTest
  @CsvSource({"Uni, Uni<String>", "Multi, Multi<String>"})
  void mutiny(String type, String returnType) {
    assertRefused("io.smallrye.mutiny", type, true, returnType, LAZY);
  }

  @ParameterizedTest
  @CsvSource({"Single, Single<String>", "Maybe, Maybe<String>", "Completable, Completable",
      "Observable, Observable<String>", "Flowable, Flowable<String>"})
  void rxJava3(String type, String returnType) {
    assertRefused("io.reactivex.rxjava3.core", type, false, returnType, LAZY);
  }

  @ParameterizedTest
  @CsvSource({"Single, Single<String>", "Maybe, Maybe<String>", "Completable, Completable",
      "Observable, Observable<String>", "Flowable, Flowable<String>"})
  void rxJava2(String type, String returnType) {
    assertRefused("io.reactivex", type, false, returnType, LAZY);
  }

  @ParameterizedTest
  @CsvSource({
      "Flow.Publisher<String>, java.util.concurrent.Flow.Publisher<java.lang.String>",
      "SubmissionPublisher<String>, java.util.concurrent.SubmissionPublisher<java.lang.String> (a java.util.concurrent.Flow.Publisher)"})
  void flowPublisherAndItsSubtypes(String returnType, String described) {
    assertRefused(returnType, described, LAZY);
  }

  @ParameterizedTest
  @CsvSource({
      "Future<String>, java.util.concurrent.Future<java.lang.String>",
      "FutureTask<String>, java.util.concurrent.FutureTask<java.lang.String> (a java.util.concurrent.Future)",
      "ForkJoinTask<String>, java.util.concurrent.ForkJoinTask<java.lang.String> (a java.util.concurrent.Future)"})
  void futureThatIsNotACompletionStage(String returnType, String described) {
    assertRefused(returnType, described, ": a Future that is not a CompletionStage tells its outcome only to a caller"
        + " blocking in get(), so the policies would judge the call that hands it out, not the work's outcome;"
        + " return CompletionStage or CompletableFuture (converting it), or the plain value");
  }

  @Test
  void aCompletableFutureIsAFutureThatIsAccepted() {
    JavaFileObject client = client("java.util.concurrent.CompletableFuture<String>");

    assertThat(Compiler.compile(client)).succeededWithoutWarnings();
  }

  /** A method returning {@code returnType}, a type of the library stand-in {@code pkg.type}. */
  private static void assertRefused(String pkg, String type, boolean isInterface, String returnType, String why) {
    JavaFileObject library = stub(pkg, type, isInterface);
    JavaFileObject client = client(pkg + "." + returnType);

    Compilation compilation = Compiler.compileWithoutWerror(library, client);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Retry cannot protect a method returning " + pkg + "." + returnType.replace("<String>",
            "<java.lang.String>") + why)
        .inFile(client)
        .onLineContaining("@Retry public");
  }

  /** A method returning {@code returnType} (of {@code java.util.concurrent}), described in the message as {@code described}. */
  private static void assertRefused(String returnType, String described, String why) {
    JavaFileObject client = client("java.util.concurrent." + returnType);

    Compilation compilation = Compiler.compileWithoutWerror(client);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@Retry cannot protect a method returning " + described + why)
        .inFile(client)
        .onLineContaining("@Retry public");
  }

  private static JavaFileObject client(String returnType) {
    return Compiler.source("test.Client",
        "package test;",
        "",
        "import io.github.posa4j.annotation.*;",
        "",
        "public class Client {",
        "  @Retry public " + returnType + " call() { return null; }",
        "}");
  }

  /** A stand-in for a library type: the same name, generic unless it is {@code Completable}. */
  private static JavaFileObject stub(String pkg, String type, boolean isInterface) {
    String typeParameter = type.equals("Completable") ? "" : "<T>";
    return Compiler.source(pkg + "." + type,
        "package " + pkg + ";",
        "",
        "public " + (isInterface ? "interface " : "abstract class ") + type + typeParameter + " {}");
  }
}
