package io.github.posa4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The built-in interceptors: protection, logging, timing. */
class InterceptorsTest {

  interface Accounts {
    long balance(String account);

    void close(String account);
  }

  static final MethodDescriptor BALANCE =
      MethodDescriptor.of(Accounts.class, "balance", long.class, List.of(String.class), List.of());
  static final MethodDescriptor CLOSE =
      MethodDescriptor.of(Accounts.class, "close", void.class, List.of(String.class), List.of());

  private final AtomicInteger closed = new AtomicInteger();
  private final Accounts target = new Accounts() {
    @Override
    public long balance(String account) {
      if (account.isEmpty()) {
        throw new IllegalArgumentException("no account");
      }
      return 42;
    }

    @Override
    public void close(String account) {
      closed.incrementAndGet();
    }
  };

  private Object balance(InterceptorChain chain, String account) throws Throwable {
    return chain.invoke(BALANCE, target, new Object[] {account}, (t, a) -> ((Accounts) t).balance((String) a[0]));
  }

  private Object close(InterceptorChain chain, String account) throws Throwable {
    return chain.invoke(CLOSE, target, new Object[] {account}, (t, a) -> {
      ((Accounts) t).close((String) a[0]);
      return null;
    });
  }

  @Test
  void protectionLetsPermittedCallsThroughAndRefusesTheOthersBeforeTheTarget() throws Throwable {
    InterceptorChain chain = InterceptorChain.of(Interceptors.protection(AccessPolicy.onlyMethodsNamed("balance")));

    assertThat(balance(chain, "a")).isEqualTo(42L);
    assertThatThrownBy(() -> close(chain, "a"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("access to Accounts.close(String) denied")
        .hasMessageContaining("AccessPolicy")
        .satisfies(e -> assertThat(((AccessDeniedException) e).method()).isEqualTo(CLOSE));
    assertThat(closed).hasValue(0);
  }

  @Test
  void protectionPoliciesSeeTheArguments() throws Throwable {
    InterceptorChain chain = InterceptorChain.of(
        Interceptors.protection(invocation -> !"vip".equals(invocation.arguments()[0])));
    assertThat(balance(chain, "someone")).isEqualTo(42L);
    assertThatThrownBy(() -> balance(chain, "vip")).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void loggingWritesTheStartAndTheOutcomeAndPassesBoth() throws Throwable {
    RecordingLogger logger = new RecordingLogger(Level.DEBUG);
    InterceptorChain chain = InterceptorChain.of(Interceptors.logging(logger, Level.DEBUG));

    assertThat(balance(chain, "secret-account")).isEqualTo(42L);
    assertThatThrownBy(() -> balance(chain, "")).isInstanceOf(IllegalArgumentException.class);

    assertThat(logger.lines).hasSize(4);
    assertThat(logger.lines.get(0)).isEqualTo("call Accounts.balance(String)");
    assertThat(logger.lines.get(1)).startsWith("Accounts.balance(String) returned after ");
    assertThat(logger.lines.get(3))
        .startsWith("Accounts.balance(String) threw java.lang.IllegalArgumentException: no account after ");
    assertThat(String.join("\n", logger.lines)).as("argument values are not logged").doesNotContain("secret-account");
  }

  @Test
  void loggingAtALevelThatIsOffWritesNothing() throws Throwable {
    RecordingLogger logger = new RecordingLogger(Level.INFO);
    InterceptorChain chain = InterceptorChain.of(Interceptors.logging(logger, Level.DEBUG));
    assertThat(balance(chain, "a")).isEqualTo(42L);
    assertThat(logger.lines).isEmpty();
  }

  /**
   * {@code logging()} without a logger writes at {@code DEBUG} to the {@code System.Logger}
   * {@code io.github.posa4j.proxy}: here the JDK's default backend, {@code java.util.logging}, where
   * {@code DEBUG} is {@code FINE}. Nothing at the default level {@code INFO}; argument values never.
   */
  @Test
  void loggingWithoutALoggerWritesAtDebugToTheProxyLogger() throws Throwable {
    java.util.logging.Logger julLogger = java.util.logging.Logger.getLogger("io.github.posa4j.proxy");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Level levelBefore = julLogger.getLevel();
    boolean parentHandlersBefore = julLogger.getUseParentHandlers();
    julLogger.addHandler(handler);
    julLogger.setUseParentHandlers(false);
    try {
      InterceptorChain chain = InterceptorChain.of(Interceptors.logging());
      julLogger.setLevel(java.util.logging.Level.INFO);
      assertThat(balance(chain, "secret-account")).isEqualTo(42L);
      assertThat(records).as("nothing at INFO").isEmpty();

      julLogger.setLevel(java.util.logging.Level.FINE);
      assertThat(balance(chain, "secret-account")).isEqualTo(42L);

      assertThat(records).hasSize(2).allSatisfy(record -> {
        assertThat(record.getLoggerName()).isEqualTo("io.github.posa4j.proxy");
        assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.FINE);
      });
      List<String> lines = records.stream()
          .map(record -> MessageFormat.format(record.getMessage(), record.getParameters()))
          .toList();
      assertThat(lines.get(0)).isEqualTo("call Accounts.balance(String)");
      assertThat(lines.get(1)).startsWith("Accounts.balance(String) returned after ");
      assertThat(String.join("\n", lines)).as("argument values are not logged").doesNotContain("secret-account");
    } finally {
      julLogger.removeHandler(handler);
      julLogger.setUseParentHandlers(parentHandlersBefore);
      julLogger.setLevel(levelBefore);
    }
  }

  @Test
  void timingReportsEveryCallWithItsOutcome() throws Throwable {
    List<Object[]> records = new ArrayList<>();
    InterceptorChain chain = InterceptorChain.of(
        Interceptors.timing((method, nanos, failure) -> records.add(new Object[] {method, nanos, failure})));

    balance(chain, "a");
    assertThatThrownBy(() -> balance(chain, "")).isInstanceOf(IllegalArgumentException.class);

    assertThat(records).hasSize(2);
    assertThat(records.get(0)[0]).isEqualTo(BALANCE);
    assertThat((Long) records.get(0)[1]).isNotNegative();
    assertThat(records.get(0)[2]).isNull();
    assertThat(records.get(1)[2]).isInstanceOf(IllegalArgumentException.class);
  }

  /** A {@link Logger} that keeps the formatted lines of its enabled levels. */
  private static final class RecordingLogger implements Logger {
    final List<String> lines = new ArrayList<>();
    private final Level threshold;

    RecordingLogger(Level threshold) {
      this.threshold = threshold;
    }

    @Override
    public String getName() {
      return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
      return level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      lines.add(message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
    }
  }
}
