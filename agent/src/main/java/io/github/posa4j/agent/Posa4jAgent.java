package io.github.posa4j.agent;

import io.github.posa4j.observe.Observability;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The entry points of {@code posa4j-agent.jar}: {@link #premain} for {@code -javaagent:},
 * {@link #agentmain} for attaching to a running JVM, and {@link #main} for the {@code plan}
 * command. Starting never fails the application: whatever goes wrong is one log line, and the
 * application runs without the agent.
 */
public final class Posa4jAgent {
  private static final Object STARTED_LOCK = new Object();
  private static boolean started;

  private Posa4jAgent() {}

  /** Called by the JVM for {@code -javaagent:posa4j-agent.jar[=<options>]}. */
  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  /** Called by the JVM when the agent is attached to a running application. */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  /** {@code java -jar posa4j-agent.jar plan --config <file> <jar or classes dir>...}; see {@link PlanCommand}. */
  public static void main(String[] args) {
    System.exit(PlanCommand.run(args, System.out, System.err));
  }

  private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    AgentLog log = new AgentLog(System.err, AgentLog.Level.INFO);
    try {
      synchronized (STARTED_LOCK) {
        if (started) {
          log.warn("the agent is already running in this JVM; the second start (options: " + arguments + ") is ignored");
          return;
        }
        started = true;
      }
      long start = System.nanoTime();
      Observability.turnJmxOnByDefault(); // an operator of legacy code wants to see its breakers
      AgentOptions options = AgentOptions.parse(arguments, System.getProperties(), log);
      AgentFile file = readConfig(options, log);
      KeyRules rules = KeyRules.of(methodKeys(file, log), log);
      reportUnreachable(rules, options, log);
      Posa4jTransformer transformer = new Posa4jTransformer(options, rules,
          new AgentConfig(file == null ? null : file.source()), log);
      instrumentation.addTransformer(transformer, true);
      if (attached) {
        Retransformer.retransformLoaded(instrumentation, options, rules, log);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> reportAtExit(transformer, rules, log), "posa4j-agent-exit"));
      log.info((attached ? "attached" : "started") + " in " + (System.nanoTime() - start) / 1_000_000 + " ms: "
          + rules.size() + " keys name methods" + (file == null ? "" : " (" + file.source().name() + ")")
          + "; examined " + transformer.examined() + " classes, woven " + transformer.woven()
          + (attached ? "" : " so far (classes are examined as they load)"));
    } catch (Throwable e) {
      log.error("the agent could not start (" + e + "); the application runs without it");
    }
  }

  /** The agent's configuration file, or null without one or when it cannot be read. */
  private static AgentFile readConfig(AgentOptions options, AgentLog log) {
    if (options.config() == null) {
      return null;
    }
    try {
      return AgentFile.read(options.config());
    } catch (IOException | IllegalArgumentException e) {
      log.warn("config file " + options.config().toAbsolutePath() + " cannot be read (" + e + "); continuing without it");
      return null;
    }
  }

  /**
   * The keys that may name methods: those of the agent's file, of the file named by
   * {@code -Dposa4j.config}, and of the system properties. Environment variables and
   * {@code META-INF/posa4j.properties} can adjust policies but not name methods: the agent cannot
   * list the former by key, and reads the latter only once a class loader is known.
   */
  private static List<String> methodKeys(AgentFile file, AgentLog log) {
    List<String> keys = new ArrayList<>();
    if (file != null) {
      keys.addAll(file.keys());
    }
    String standardFile = System.getProperty("posa4j.config");
    if (standardFile != null && !standardFile.isBlank()) {
      try {
        keys.addAll(AgentFile.read(Path.of(standardFile.trim())).keys());
      } catch (IOException | IllegalArgumentException e) {
        log.warn("config file " + standardFile + " (-Dposa4j.config) cannot be read (" + e + "); its keys name no method");
      }
    }
    Properties system = System.getProperties();
    for (String name : system.stringPropertyNames()) {
      if (name.contains("/") && KeyRules.ATTRIBUTES.keySet().stream().anyMatch(a -> name.contains("/" + a + "/") || name.startsWith(a + "/"))) {
        keys.add(name);
      }
    }
    return keys;
  }

  /** Reports keys naming classes the agent never examines: the JDK's, its own, or those the options leave out. */
  private static void reportUnreachable(KeyRules rules, AgentOptions options, AgentLog log) {
    for (String className : rules.classes()) {
      String reason = Posa4jTransformer.isIgnored(className) ? "the agent never weaves JDK, Byte Buddy or posa4j classes"
          : !options.admits(className) ? "the include and exclude options leave the class out" : null;
      if (reason != null) {
        for (KeyRules.MethodRule rule : rules.rulesFor(className)) {
          log.warn("key " + rule.key() + " names " + className + ", but " + reason + "; ignored");
          rules.problem(rule);
        }
      }
    }
  }

  private static void reportAtExit(Posa4jTransformer transformer, KeyRules rules, AgentLog log) {
    log.info("examined " + transformer.examined() + " classes, woven " + transformer.woven() + ", in "
        + transformer.millis() + " ms");
    for (KeyRules.MethodRule rule : rules.unmatched()) {
      log.warn("key " + rule.key() + " matched no method: " + rule.className() + " was never loaded"
          + " (check the class name, or the include and exclude options)");
    }
  }
}
