package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A type that refers to a type another processor generates in a later round is processed once
 * that type exists; one that refers to a type nobody generates is an error on the element that
 * refers to it, in the last round.
 */
class DeferredProcessingTest {

  /**
   * Generates {@code test.gen.Money} in its second round (and a placeholder in its first, so that
   * there is a second): a type that posa4j's first two rounds cannot resolve.
   */
  private static final class MoneyProcessor extends AbstractProcessor {
    private int round;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment environment) {
      round++;
      if (round == 1) {
        write("test.gen.Placeholder", "package test.gen; public final class Placeholder {}");
      } else if (round == 2) {
        write("test.gen.Money", "package test.gen; public record Money(long cents) {}");
      }
      return false;
    }

    private void write(String name, String source) {
      try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Compilation compileWithMoneyProcessor(JavaFileObject source) {
    return javac().withProcessors(new MoneyProcessor(), new Posa4jProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(source);
  }

  @Test
  void aProxyWhoseMethodsUseAGeneratedTypeIsGeneratedOnceThatTypeExists() {
    JavaFileObject wallet = Compiler.source("test.Wallet",
        "package test;",
        "",
        "import java.util.List;",
        "import test.gen.Money;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public interface Wallet {",
        "  Money balance();",
        "  void deposit(List<Money> amounts);",
        "}");

    Compilation compilation = compileWithMoneyProcessor(wallet);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.WalletProxy").contentsAsUtf8String()
        .contains("public Money balance()");
    assertThat(compilation).generatedSourceFile("test.WalletProxy").contentsAsUtf8String()
        .contains("import test.gen.Money;");
  }

  @Test
  void aDecoratorWhoseMethodsUseAGeneratedTypeIsGeneratedOnceThatTypeExists() {
    JavaFileObject payments = Compiler.source("test.Payments",
        "package test;",
        "",
        "import io.github.posa4j.annotation.Retry;",
        "import test.gen.Money;",
        "",
        "public interface Payments {",
        "  @Retry Money charge(Money amount);",
        "}");

    Compilation compilation = compileWithMoneyProcessor(payments);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ResilientPayments").contentsAsUtf8String()
        .contains("public Money charge(Money amount)");
  }

  @Test
  void aTypeThatNeverResolvesIsAnErrorOnTheElementThatUsesItInTheLastRound() {
    JavaFileObject wallet = Compiler.source("test.Wallet",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public interface Wallet {",
        "  void deposit(long cents);",
        "  Money balance();",
        "}");

    Compilation compilation = Compiler.compileWithoutWerror(wallet);

    // javac's own "cannot find symbol", and ours; no proxy generated with a broken reference.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("@Proxy on test.Wallet cannot be processed: it refers to Money, which no source or"
            + " class defines and no annotation processor generated; import or declare Money")
        .inFile(wallet)
        .onLineContaining("Money balance();");
  }
}
