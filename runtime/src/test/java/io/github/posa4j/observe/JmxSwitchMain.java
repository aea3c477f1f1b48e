package io.github.posa4j.observe;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.internal.CommandRunner;
import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Run by {@link JmxSwitchTest} in a JVM of its own, since the switch is read once per JVM: creates
 * a circuit breaker and a bulkhead in the global registry, starts an active object and opens a
 * command processor (an active object too), as an application does, then prints whether JMX is
 * on and every MBean of posa4j's domain as {@code <type> <name>}, sorted, and {@code ok}.
 */
public final class JmxSwitchMain {
  static final String METHOD = "test.JmxSwitch/charge()";
  static final String ACTIVE_OBJECT = "jmx-switch";
  static final String COMMAND_PROCESSOR = "jmx-switch-ledger";

  private JmxSwitchMain() {}

  /** Prints {@code jmxEnabled=<switch>}, the MBeans found, and {@code ok}. */
  public static void main(String[] args) throws Exception {
    FaultToleranceRegistry.global().computeIfAbsent(METHOD, key -> FaultTolerance.builder(key)
        .circuitBreaker(CircuitBreakerPolicy.builder().build())
        .bulkhead(BulkheadPolicy.of(2))
        .build());
    ActiveObjectScheduler<Account> account =
        ActiveObjectScheduler.start(new Account(), ActiveObjectOptions.builder().name(ACTIVE_OBJECT).build(), "Account");
    account.submit(new Account.DepositRequest(1)).join();
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().name(COMMAND_PROCESSOR).build());
    ledger.submit(new Ledger.Post(1)).join();

    System.out.println("jmxEnabled=" + Observability.jmxEnabled());
    ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(Jmx.DOMAIN + ":*"), null).stream()
        .map(name -> name.getKeyProperty("type") + " " + ObjectName.unquote(name.getKeyProperty("name")))
        .sorted()
        .forEach(System.out::println);
    account.close();
    ledger.close();
    System.out.println("ok");
  }
}
