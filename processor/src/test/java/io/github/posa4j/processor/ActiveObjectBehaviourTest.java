package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.github.posa4j.active.ActiveObjectOptions;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated active objects, compiled by the processor and loaded: every kind of servant
 * method through its future, guards (also one of a superclass compiled separately), inherited
 * methods, options, and the lifecycle methods.
 */
class ActiveObjectBehaviourTest {
  private static ClassLoader loader;
  private static Class<?> workshopActiveObject;
  private static Class<?> bufferActiveObject;

  private Object activeObject;

  @BeforeAll
  static void compileTheActiveObjects() throws Exception {
    Compilation compilation = Compiler.compile(ProxySources.fixture("Workshop"), ProxySources.fixture("Workbench"),
        ProxySources.fixture("Buffer"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = Compiler.childFirstClassLoader(compilation);
    workshopActiveObject = loader.loadClass("io.github.posa4j.processor.fixtures.WorkshopActiveObject");
    bufferActiveObject = loader.loadClass("io.github.posa4j.processor.fixtures.BufferActiveObject");
  }

  @AfterEach
  void close() throws Exception {
    if (activeObject != null) {
      ((AutoCloseable) activeObject).close();
    }
  }

  /** A servant of the compiled fixture {@code simpleName}, from the loader of the generated classes. */
  private static Object servant(String simpleName, Object... arguments) throws Exception {
    Class<?> type = loader.loadClass("io.github.posa4j.processor.fixtures." + simpleName);
    Class<?>[] parameters = arguments.length == 0 ? new Class<?>[0] : new Class<?>[] {int.class};
    return type.getConstructor(parameters).newInstance(arguments);
  }

  private Object start(Class<?> type, Object servant) throws Exception {
    activeObject = type.getMethod("start", servant.getClass()).invoke(null, servant);
    return activeObject;
  }

  private Object start(Class<?> type, Object servant, ActiveObjectOptions options) throws Exception {
    activeObject = type.getMethod("start", servant.getClass(), ActiveObjectOptions.class).invoke(null, servant, options);
    return activeObject;
  }

  /** Calls the active object's method of that name and number of parameters; none is overloaded on types. */
  private static CompletableFuture<?> call(Object activeObject, String name, Object... arguments) throws Exception {
    for (Method method : activeObject.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        return (CompletableFuture<?>) method.invoke(activeObject, arguments);
      }
    }
    throw new AssertionError("no method " + name + " with " + arguments.length + " parameters");
  }

  @Test
  void offersOneFutureReturningMethodPerPublicInstanceMethodOfTheServantAndItsSuperclass() {
    String methods = Arrays.stream(workshopActiveObject.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
        .map(method -> method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")")) + ":" + method.getReturnType().getSimpleName())
        .sorted()
        .collect(Collectors.joining(" "));
    assertThat(methods).isEqualTo("add(int):CompletableFuture add(int,int):CompletableFuture close():void"
        + " fetch(String):CompletableFuture load(String):CompletableFuture log(String[]):CompletableFuture"
        + " logged():CompletableFuture max(Comparable,Comparable):CompletableFuture measure():CompletableFuture"
        + " pendingRequests():int shutdownNow():int thread():CompletableFuture toString():String"
        + " total():CompletableFuture");
  }

  @Test
  void everyKindOfServantMethodAnswersThroughItsFuture() throws Exception {
    Object active = start(workshopActiveObject, servant("Workshop"));

    assertThat(call(active, "add", 5).join()).isNull();
    assertThat(call(active, "add", 2, 3).join()).isNull();
    assertThat(call(active, "total").join()).isEqualTo(11L);
    assertThat(call(active, "load", "plan").join()).isEqualTo("loaded plan");
    assertThat(call(active, "fetch", "key").join()).as("not a nested future").isEqualTo("fetched key");
    assertThat(call(active, "measure").join()).isEqualTo(11L);
    assertThat(call(active, "max", "pear", "apple").join()).isEqualTo("pear");
    Method log = workshopActiveObject.getMethod("log", String[].class);
    assertThat(log.isVarArgs()).isTrue();
    ((CompletableFuture<?>) log.invoke(active, (Object) new String[] {"a", "b"})).join();
    assertThat(call(active, "logged").join()).isEqualTo(2);
    assertThat(call(active, "thread").join()).asString().matches("WorkshopActiveObject-\\d+");
    assertThat(active.toString()).matches("WorkshopActiveObject\\[WorkshopActiveObject-\\d+ \\(running, 0 pending\\)]");
  }

  @Test
  void aCheckedExceptionOfTheServantFailsOnlyThatFuture() throws Exception {
    Object active = start(workshopActiveObject, servant("Workshop"));
    CompletableFuture<?> failed = call(active, "load", "");
    assertThatThrownBy(failed::join).cause().isExactlyInstanceOf(IOException.class).hasMessage("no name");
    assertThat(call(active, "load", "next").join()).isEqualTo("loaded next");
  }

  @Test
  void guardedRequestsWaitForTheirConditionWithoutHoldingUpOthers() throws Exception {
    Object active = start(bufferActiveObject, servant("Buffer", 1));
    CompletableFuture<?> take = call(active, "take");
    assertThat(call(active, "size").join()).isEqualTo(0);
    assertThat(take).isNotDone();

    call(active, "put", "first");
    CompletableFuture<?> blockedPut = call(active, "put", "second");
    assertThat(take.join()).isEqualTo("first");
    blockedPut.join();
    assertThat(call(active, "size").join()).isEqualTo(1);
  }

  /**
   * A servant whose superclass was compiled before, and without the processor (as a library is): the
   * processor reads the superclass's {@code @Guard} from its class file, and the guard holds. The
   * request to {@code pass} waits, while a later unguarded request runs, until {@code open} runs.
   */
  @Test
  void aGuardInASuperclassCompiledSeparatelyIsHonoured(@TempDir Path classes) throws Exception {
    Compilation library = javac().compile(Compiler.source("test.Gate",
        "package test;",
        "",
        "import io.github.posa4j.annotation.Guard;",
        "",
        "public class Gate {",
        "  private boolean open;",
        "",
        "  @Guard(\"isOpen\")",
        "  public String pass(String who) {",
        "    return who + \" passed\";",
        "  }",
        "",
        "  public void open() {",
        "    open = true;",
        "  }",
        "",
        "  public boolean opened() {",
        "    return open;",
        "  }",
        "",
        "  boolean isOpen() {",
        "    return open;",
        "  }",
        "}"));
    assertThat(library).succeededWithoutWarnings();
    Compiler.writeClassFiles(library, classes);
    Compilation application = Compiler.compileAgainst(classes, Compiler.source("test.Turnstile",
        "package test;",
        "",
        "@io.github.posa4j.annotation.ActiveObject",
        "public class Turnstile extends Gate {",
        "}"));
    assertThat(application).succeededWithoutWarnings();
    Compiler.writeClassFiles(application, classes);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object servant = loader.loadClass("test.Turnstile").getConstructor().newInstance();
      Object active = start(loader.loadClass("test.TurnstileActiveObject"), servant);

      CompletableFuture<?> pass = call(active, "pass", "ann");
      assertThat(call(active, "opened").join()).isEqualTo(false);
      assertThat(pass).as("waits for its guard").isNotDone();

      call(active, "open").join();
      assertThat(pass.get(10, TimeUnit.SECONDS)).isEqualTo("ann passed");
      ((AutoCloseable) active).close(); // while its class loader is open
      activeObject = null;
    }
  }

  @Test
  void lifecycleMethodsReachTheScheduler() throws Exception {
    Object active = start(bufferActiveObject, servant("Buffer", 1));
    call(active, "take");
    call(active, "take");
    assertThat(bufferActiveObject.getMethod("pendingRequests").invoke(active)).isEqualTo(2);
    assertThat(bufferActiveObject.getMethod("shutdownNow").invoke(active)).isEqualTo(2);
    CompletableFuture<?> late = call(active, "size");
    assertThatThrownBy(late::join).cause().isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void optionsChooseTheNameAndASharedExecutor() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, "shared-pool"));
    try {
      Object active = start(workshopActiveObject, servant("Workshop"),
          ActiveObjectOptions.builder().name("bench").sharedExecutor(pool).build());
      assertThat(call(active, "thread").join()).isEqualTo("shared-pool");
      assertThat(active.toString()).isEqualTo("WorkshopActiveObject[bench (running, 0 pending)]");
    } finally {
      ((AutoCloseable) activeObject).close();
      activeObject = null;
      pool.shutdownNow();
    }
  }
}
