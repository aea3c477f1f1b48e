package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Corners of generated decorators, compiled and run: a parameter named {@code delegate}, the
 * arguments a fallback handler gets from a varargs method, and a class-level {@code @Fallback}
 * inherited from a superclass, which applies as the runtime reads it, its handler getting the
 * call's arguments.
 */
class ResilienceEdgeCasesTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compiler.compile(
        Compiler.source("test.Echo",
            "package test;",
            "import io.github.posa4j.annotation.Fallback;",
            "import io.github.posa4j.annotation.Retry;",
            "public interface Echo {",
            "  @Retry(maxRetries = 1, jitter = 0)",
            "  String send(String delegate);",
            "  @Retry(maxRetries = 1, jitter = 0)",
            "  @Fallback(CountArguments.class)",
            "  String join(String... names);",
            "}"),
        Compiler.source("test.CountArguments",
            "package test;",
            "import io.github.posa4j.annotation.ExecutionContext;",
            "import io.github.posa4j.annotation.FallbackHandler;",
            "public class CountArguments implements FallbackHandler<String> {",
            "  @Override",
            "  public String handle(ExecutionContext context) {",
            "    Object[] parameters = context.parameters();",
            "    return parameters.length + \" argument(s), the first a \" + parameters[0].getClass().getSimpleName();",
            "  }",
            "}"),
        Compiler.source("test.Base",
            "package test;",
            "import io.github.posa4j.annotation.Fallback;",
            "@Fallback(CountArguments.class)",
            "public class Base {}"),
        Compiler.source("test.Client",
            "package test;",
            "import io.github.posa4j.annotation.Retry;",
            "public class Client extends Base {",
            "  @Retry(maxRetries = 1, jitter = 0)",
            "  public String charge(String account) {",
            "    throw new IllegalStateException(\"declined \" + account);",
            "  }",
            "}"),
        Compiler.source("test.Calls",
            "package test;",
            "import java.util.function.Supplier;",
            "public final class Calls {",
            "  public static Supplier<String> send() {",
            "    Echo echo = ResilientEcho.wrap(new Echo() {",
            "      public String send(String delegate) { return \"sent \" + delegate; }",
            "      public String join(String... names) { throw new IllegalStateException(\"no join\"); }",
            "    });",
            "    return () -> echo.send(\"mail\");",
            "  }",
            "  public static Supplier<String> join() {",
            "    Echo echo = ResilientEcho.wrap(new Echo() {",
            "      public String send(String delegate) { return delegate; }",
            "      public String join(String... names) { throw new IllegalStateException(\"no join\"); }",
            "    });",
            "    return () -> echo.join(\"a\", \"b\", \"c\");",
            "  }",
            "  public static Supplier<String> charge() {",
            "    Client client = new ResilientClient();",
            "    return () -> {",
            "      try {",
            "        return client.charge(\"acct-1\");",
            "      } catch (IllegalStateException e) {",
            "        return \"threw: \" + e.getMessage();",
            "      }",
            "    };",
            "  }",
            "}"));
    assertThat(compilation).succeeded();
    loader = Compiler.classLoader(compilation);
  }

  @SuppressWarnings("unchecked")
  private static String call(String name) throws Exception {
    return ((Supplier<String>) loader.loadClass("test.Calls").getMethod(name).invoke(null)).get();
  }

  @Test
  void aParameterNamedDelegateDoesNotHideTheDecoratedObject() throws Exception {
    assertThat(call("send")).isEqualTo("sent mail");
  }

  @Test
  void aFallbackHandlerGetsAVarargsArrayAsOneArgument() throws Exception {
    assertThat(call("join")).isEqualTo("1 argument(s), the first a String[]");
  }

  @Test
  void aFallbackInheritedFromASuperclassAnswersWithTheCallsArguments() throws Exception {
    assertThat(call("charge")).isEqualTo("1 argument(s), the first a String");
  }
}
