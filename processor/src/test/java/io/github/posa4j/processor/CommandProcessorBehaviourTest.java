package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.github.posa4j.command.CommandOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code LedgerCommands} running on the real command processor: commands and
 * read-only methods through their futures, a failing command, undo through an inverse that takes
 * the result, redo, macros, and recovery from the journal and from a snapshot.
 */
class CommandProcessorBehaviourTest {
  private static final String FIXTURES = "io.github.posa4j.processor.fixtures.";
  private static final Instant AT = Instant.parse("2024-02-29T12:00:00.123456789Z");

  private static ClassLoader loader;
  private static Class<?> ledgerCommands;
  private static Class<?> posting;
  private static Class<?> kind;

  private final List<AutoCloseable> opened = new java.util.ArrayList<>();

  @BeforeAll
  static void compileTheCommandProcessor() throws Exception {
    Compilation compilation = Compiler.compile(ProxySources.fixture("Ledger"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = Compiler.childFirstClassLoader(compilation);
    ledgerCommands = loader.loadClass(FIXTURES + "LedgerCommands");
    posting = loader.loadClass(FIXTURES + "Ledger$Posting");
    kind = loader.loadClass(FIXTURES + "Ledger$Kind");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable commands : opened) {
      commands.close();
    }
  }

  private Object open(CommandOptions options) throws Exception {
    Class<?> ledger = loader.loadClass(FIXTURES + "Ledger");
    Supplier<Object> initial = () -> {
      try {
        return ledger.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
    Object commands = ledgerCommands.getMethod("open", Supplier.class, CommandOptions.class).invoke(null, initial, options);
    opened.add((AutoCloseable) commands);
    return commands;
  }

  private static Object posting(String account, long cents, String kindName) throws Exception {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object constant = Enum.valueOf((Class) kind, kindName);
    return posting.getConstructor(String.class, long.class, kind, List.class)
        .newInstance(account, cents, constant, List.of("test"));
  }

  /** Calls the method of that name and number of parameters; none is overloaded. */
  private static Object call(Object target, String name, Object... arguments) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + name + " with " + arguments.length + " parameters");
  }

  private static Object join(Object target, String name, Object... arguments) throws Exception {
    return ((CompletableFuture<?>) call(target, name, arguments)).join();
  }

  @Test
  void commandsAndReadOnlyMethodsAnswerThroughTheirFutures() throws Exception {
    Object ledger = open(CommandOptions.defaults());
    assertThat(join(ledger, "openAccount", "alice", new BigDecimal("0.0125"))).isNull();
    assertThat(join(ledger, "post", posting("alice", 1_000, "DEPOSIT"), AT)).isEqualTo(1_000L);
    assertThat(join(ledger, "post", posting("alice", 300, "WITHDRAWAL"), AT)).isEqualTo(700L);
    assertThat(join(ledger, "balance", "alice")).isEqualTo(700L);
    assertThat(join(ledger, "lastPosted")).isEqualTo(Optional.of(AT));
    assertThat(ledger.toString()).startsWith("LedgerCommands[");
  }

  @Test
  void aCommandThatThrowsFailsItsFutureAndTheNextOnesRun() throws Exception {
    Object ledger = open(CommandOptions.defaults());
    CompletableFuture<?> failed = (CompletableFuture<?>) call(ledger, "post", posting("bob", 5, "DEPOSIT"), AT);
    assertThatThrownBy(failed::join).cause().isInstanceOf(IllegalArgumentException.class).hasMessage("no account bob");
    join(ledger, "openAccount", "bob", BigDecimal.ONE);
    assertThat(join(ledger, "post", posting("bob", 5, "DEPOSIT"), AT)).isEqualTo(5L);
  }

  @Test
  void undoCallsTheInverseWithTheResultAndRedoRunsTheCommandAgain() throws Exception {
    Object ledger = open(CommandOptions.defaults());
    join(ledger, "openAccount", "alice", BigDecimal.ONE);
    join(ledger, "post", posting("alice", 1_000, "DEPOSIT"), AT);
    join(ledger, "post", posting("alice", 250, "FEE"), AT);
    assertThat(join(ledger, "undo")).isEqualTo(true);
    assertThat(join(ledger, "balance", "alice")).isEqualTo(1_000L);
    assertThat(join(ledger, "redo")).isEqualTo(true);
    assertThat(join(ledger, "balance", "alice")).isEqualTo(750L);
    assertThat(join(ledger, "redo")).isEqualTo(false);
  }

  @Test
  void aCommandWithoutUndoClearsTheHistory() throws Exception {
    Object ledger = open(CommandOptions.defaults());
    join(ledger, "openAccount", "alice", BigDecimal.ONE);
    join(ledger, "note", "audited");
    assertThat(join(ledger, "undo")).isEqualTo(false);
    assertThat(join(ledger, "balance", "alice")).isEqualTo(0L);
  }

  @Test
  void aMacroRunsAsOneUnitAndIsUndoneWhole() throws Exception {
    Object ledger = open(CommandOptions.defaults());
    join(ledger, "openAccount", "alice", BigDecimal.ONE);
    Consumer<Object> transfer = batch -> {
      try {
        call(batch, "openAccount", "bob", BigDecimal.ONE);
        call(batch, "post", posting("alice", 100, "DEPOSIT"), AT);
        call(batch, "post", posting("bob", 40, "DEPOSIT"), AT);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    assertThat(join(ledger, "macro", transfer)).isNull();
    assertThat(join(ledger, "balance", "bob")).isEqualTo(40L);
    assertThat(join(ledger, "undo")).isEqualTo(true);
    assertThat(join(ledger, "balance", "alice")).isEqualTo(0L);
    assertThatThrownBy(() -> join(ledger, "balance", "bob")).cause().isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMacroWhoseCommandThrowsUndoesThoseBeforeIt() throws Exception {
    Object ledger = open(CommandOptions.defaults());
    join(ledger, "openAccount", "alice", BigDecimal.ONE);
    Consumer<Object> broken = batch -> {
      try {
        call(batch, "post", posting("alice", 100, "DEPOSIT"), AT);
        call(batch, "post", posting("nobody", 40, "DEPOSIT"), AT);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    CompletableFuture<?> macro = (CompletableFuture<?>) call(ledger, "macro", broken);
    assertThatThrownBy(macro::join).cause().isInstanceOf(IllegalArgumentException.class).hasMessage("no account nobody");
    assertThat(join(ledger, "balance", "alice")).isEqualTo(0L);
  }

  @Test
  void aJournaledLedgerRecoversItsCommandsAndItsSnapshot(@TempDir Path directory) throws Exception {
    CommandOptions options = CommandOptions.builder().journal(directory).build();
    Object first = open(options);
    join(first, "openAccount", "alice", new BigDecimal("0.0125"));
    join(first, "post", posting("alice", 1_000, "DEPOSIT"), AT);
    join(first, "snapshot");
    join(first, "post", posting("alice", 1, "FEE"), AT);
    join(first, "note", "after the snapshot");
    ((AutoCloseable) first).close();
    opened.remove(first);

    Object second = open(options);
    assertThat(join(second, "balance", "alice")).isEqualTo(999L);
    assertThat(join(second, "lastPosted")).isEqualTo(Optional.of(AT));
    assertThat(join(second, "post", posting("alice", 1, "DEPOSIT"), AT)).isEqualTo(1_000L);
  }
}
