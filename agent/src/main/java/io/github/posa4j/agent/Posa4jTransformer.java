package io.github.posa4j.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's class file transformer. Cheap for the classes it cannot match: a name check, then a
 * walk of the constant pool for posa4j annotation descriptors, and only then the {@link Weaver},
 * created (and Byte Buddy loaded) on first need. Never lets an exception out: a class that cannot
 * be woven is logged once and loads unchanged.
 */
final class Posa4jTransformer implements ClassFileTransformer {
  /** Never examined: the JDK and Byte Buddy, and {@link #POSA4J} too. A key naming one is reported at start. */
  private static final List<String> IGNORED = List.of("java.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.");
  /** posa4j's own packages, every one of them, present and future, the agent's relocated Byte Buddy included. */
  private static final String POSA4J = "io.github.posa4j.";
  /** Under {@link #POSA4J} but woven like any application: the repository's examples and benchmarks. */
  private static final List<String> POSA4J_APPLICATIONS = List.of("io.github.posa4j.examples.", "io.github.posa4j.benchmarks.");

  private final AgentOptions options;
  private final KeyRules rules;
  private final AgentConfig config;
  private final AgentLog log;
  private final AtomicInteger examined = new AtomicInteger();
  private final AtomicInteger woven = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();
  private volatile Weaver weaver;

  Posa4jTransformer(AgentOptions options, KeyRules rules, AgentConfig config, AgentLog log) {
    this.options = options;
    this.rules = rules;
    this.config = config;
    this.log = log;
  }

  @Override
  public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classFile) {
    if (internalName == null) {
      return null;
    }
    long start = System.nanoTime();
    String className = internalName.replace('/', '.');
    try {
      if (!isCandidate(loader, className, classFile)) {
        return null;
      }
      byte[] result = weaver().weave(loader, className, classFile, classBeingRedefined == null);
      if (result != null) {
        woven.incrementAndGet();
      }
      return result;
    } catch (Throwable e) {
      log.error("cannot weave " + className + " (" + e + "); the class loads unchanged");
      return null;
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
    }
  }

  /**
   * Whether the class is worth parsing: admitted by the options, and named by a key or using an
   * annotation that no generated decorator applies already.
   */
  boolean isCandidate(ClassLoader loader, String className, byte[] classFile) {
    if (isIgnored(className) || !options.admits(className)) {
      return false;
    }
    examined.incrementAndGet();
    return rules.namesClass(className)
        || ConstantPool.mentionsPosa4jAnnotation(classFile) && !DecoratedMarker.present(loader, className);
  }

  static boolean isIgnored(String className) {
    if (className.startsWith(POSA4J)) {
      return !startsWithAny(className, POSA4J_APPLICATIONS);
    }
    return startsWithAny(className, IGNORED);
  }

  private static boolean startsWithAny(String className, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  int examined() {
    return examined.get();
  }

  int woven() {
    return woven.get();
  }

  long millis() {
    return nanos.get() / 1_000_000;
  }

  private Weaver weaver() {
    Weaver current = weaver;
    if (current == null) {
      synchronized (this) {
        current = weaver;
        if (current == null) {
          current = new Weaver(new Planner(rules, config, log), config, options.dump(), log);
          weaver = current;
        }
      }
    }
    return current;
  }
}
