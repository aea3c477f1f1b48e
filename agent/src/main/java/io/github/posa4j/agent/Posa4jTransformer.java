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
  /** Never examined: the JDK, Byte Buddy, and posa4j's own library packages. A key naming one is reported at start. */
  private static final List<String> IGNORED = List.of(
      "java.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.",
      "io.github.posa4j.agent.", "io.github.posa4j.annotation.", "io.github.posa4j.resilience.",
      "io.github.posa4j.config.", "io.github.posa4j.active.", "io.github.posa4j.proxy.",
      "io.github.posa4j.pubsub.", "io.github.posa4j.processor.");

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
    for (String prefix : IGNORED) {
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
