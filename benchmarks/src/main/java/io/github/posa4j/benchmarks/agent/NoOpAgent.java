package io.github.posa4j.benchmarks.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * A Java agent that does nothing: the control cases of {@link StartupTime} ({@code --controls}),
 * what {@code -javaagent} costs a JVM before any posa4j code runs. With the argument
 * {@code transformer} it registers, as posa4j's agent does, one retransformation-capable
 * transformer, {@link Declining}, so each class load also pays the call into Java.
 * {@code StartupTime} packs these two classes alone into a small jar.
 */
public final class NoOpAgent {
  private NoOpAgent() {}

  /** Registers {@link Declining} if the argument is {@code transformer}, else nothing. */
  public static void premain(String arguments, Instrumentation instrumentation) {
    if ("transformer".equals(arguments)) {
      instrumentation.addTransformer(new Declining(), true);
    }
  }

  /** A transformer that leaves every class as it is. */
  static final class Declining implements ClassFileTransformer {
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
        ProtectionDomain domain, byte[] classFile) {
      return null;
    }
  }
}
