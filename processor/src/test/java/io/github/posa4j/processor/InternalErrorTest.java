package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure while processing a type (here: the file system refuses every source file)
 * is an error on that type naming the annotation being processed, and never crashes javac.
 */
class InternalErrorTest {

  @Test
  void aPublisher() {
    JavaFileObject source = Compiler.source("test.Events",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "public interface Events {",
        "  void placed(String order);",
        "}");

    assertInternalError(source, "posa4j internal error while processing @Publisher on test.Events:"
        + " java.io.UncheckedIOException: java.io.IOException: disk full", "public interface Events");
  }

  @Test
  void anActiveObjectWithAGuard() {
    JavaFileObject source = Compiler.source("test.Buffer",
        "package test;",
        "",
        "import io.github.posa4j.annotation.*;",
        "",
        "@ActiveObject",
        "public class Buffer {",
        "  public boolean isNotEmpty() { return true; }",
        "  @Guard(\"isNotEmpty\") public String take() { return \"\"; }",
        "}");

    assertInternalError(source, "posa4j internal error while processing @ActiveObject on test.Buffer:",
        "public class Buffer");
  }

  @Test
  void aClassWithSeveralResilienceAnnotationsNamesTheFirstOfTheFamily() {
    JavaFileObject source = Compiler.source("test.Client",
        "package test;",
        "",
        "import io.github.posa4j.annotation.*;",
        "",
        "public class Client {",
        "  @Timeout public String first() { return \"\"; }",
        "  @Bulkhead @Retry public String second() { return \"\"; }",
        "}");

    assertInternalError(source, "posa4j internal error while processing @Retry on test.Client:", "public class Client");
  }

  private static void assertInternalError(JavaFileObject source, String message, String line) {
    Compilation compilation = javac().withProcessors(new BehindAFullDisk(new Posa4jProcessor())).compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  /** A processor whose {@link Filer} fails to create any source file, as on a full disk. */
  private static final class BehindAFullDisk extends ForwardingProcessor {
    BehindAFullDisk(Processor processor) {
      super(processor);
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      Filer filer = failing(Filer.class, environment.getFiler(), "createSourceFile");
      processor.init(proxy(ProcessingEnvironment.class, (proxy, method, arguments) ->
          method.getName().equals("getFiler") ? filer : invoke(method, environment, arguments)));
    }

    private static <T> T failing(Class<T> type, T target, String failingMethod) {
      return proxy(type, (proxy, method, arguments) -> {
        if (method.getName().equals(failingMethod)) {
          throw new IOException("disk full");
        }
        return invoke(method, target, arguments);
      });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
      try {
        return method.invoke(target, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
