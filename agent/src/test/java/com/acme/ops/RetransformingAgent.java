package com.acme.ops;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another agent next to posa4j's, as an application may have one: it retransforms classes when
 * asked, and its transformer, which changes nothing, counts the retransformations it sees. A test
 * packs it as a jar of its own, a manifest naming this class; the class comes from the class path.
 */
public final class RetransformingAgent {
  private static volatile Instrumentation instrumentation;
  private static final AtomicInteger RETRANSFORMED = new AtomicInteger();

  private RetransformingAgent() {}

  public static void premain(String arguments, Instrumentation inst) {
    instrumentation = inst;
    inst.addTransformer(new ClassFileTransformer() {
      @Override
      public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
          ProtectionDomain protectionDomain, byte[] classFile) {
        if (classBeingRedefined != null) {
          RETRANSFORMED.incrementAndGet();
        }
        return null;
      }
    }, true);
  }

  /** Retransforms {@code type} and returns how many retransformations this agent's transformer has seen in all. */
  public static int retransform(Class<?> type) throws Exception {
    if (instrumentation == null) {
      throw new IllegalStateException("start the JVM with -javaagent on a jar whose Premain-Class is " + RetransformingAgent.class.getName());
    }
    instrumentation.retransformClasses(type);
    return RETRANSFORMED.get();
  }
}
