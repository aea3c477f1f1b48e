package io.github.posa4j.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves one class file: plans its methods with {@link Planner}, registers them in {@link Woven},
 * then writes the class. A class being defined gets {@link WrapperWriter}'s wrappers, written with
 * ASM alone, which keeps the first woven class cheap; a class already loaded (the agent was
 * attached) gets {@link AdviceWriter}'s in-place advice, since retransformation may not add
 * methods. A class woven with wrappers gets the same wrappers again whenever it is retransformed
 * (by another agent, say), so that its shape never changes.
 */
final class Weaver {
  private final Planner planner;
  private final AgentConfig config;
  private final Path dump;
  private final AgentLog log;
  /** Per class loader, the classes woven with wrappers as they were defined, and their wrapped methods. */
  private final Map<ClassLoader, Map<String, Map<String, WrapperWriter.Wrapped>>> wrappedClasses = new WeakHashMap<>();
  private volatile AdviceWriter adviceWriter;

  Weaver(Planner planner, AgentConfig config, Path dump, AgentLog log) {
    this.planner = planner;
    this.config = config;
    this.dump = dump;
    this.log = log;
  }

  /**
   * The woven class file, or null when nothing in it is woven.
   *
   * @param loading true when the class is being defined, false when it is retransformed
   */
  byte[] weave(ClassLoader loader, String className, byte[] classFile, boolean loading) throws Exception {
    if (!loading) {
      Map<String, WrapperWriter.Wrapped> wrapped = wrappedMethods(loader, className);
      if (wrapped != null) {
        // Retransformation starts again from the class file as it was defined; the class must
        // keep its body methods, so it gets the same wrappers (same indices) without a new plan.
        return dumped(className, WrapperWriter.write(classFile, wrapped));
      }
    }
    ClassFileLocator locator = new ClassFileLocator.Compound(
        ClassFileLocator.Simple.of(className, classFile), ClassFileLocator.ForClassLoader.of(loader));
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    TypeDescription type = pool.describe(className).resolve();
    List<Planner.Planned> planned = planner.plan(type, pool, loader);
    if (planned.isEmpty()) {
      return null;
    }
    boolean wrap = loading && WrapperWriter.supports(classFile);
    int[] ids = new int[planned.size()];
    boolean[] seenBefore = new boolean[planned.size()];
    for (int i = 0; i < ids.length; i++) {
      Planner.Planned method = planned.get(i);
      seenBefore[i] = Woven.isRegistered(method.plan().key());
      ids[i] = Woven.register(new WovenMethod(method.plan(), method.method().getName(),
          Planner.parameterTypeNames(method.method()), config, log));
    }
    byte[] woven = wrap ? wrap(loader, className, classFile, planned, ids) : adviceWriter().write(type, locator, planned, ids);
    for (int i = 0; i < ids.length; i++) {
      MethodPlan plan = planned.get(i).plan();
      if (seenBefore[i]) {
        log.debug("woven again " + plan.key());
      } else {
        log.info("woven " + plan.describe());
      }
    }
    return dumped(className, woven);
  }

  private byte[] wrap(ClassLoader loader, String className, byte[] classFile, List<Planner.Planned> planned, int[] ids) {
    Map<String, WrapperWriter.Wrapped> methods = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      Planner.Planned method = planned.get(i);
      methods.put(method.method().getInternalName() + method.method().getDescriptor(),
          new WrapperWriter.Wrapped(ids[i], method.plan().async()));
    }
    byte[] woven = WrapperWriter.write(classFile, methods);
    synchronized (wrappedClasses) {
      wrappedClasses.computeIfAbsent(loader, l -> new HashMap<>()).put(className, Map.copyOf(methods));
    }
    return woven;
  }

  /** The methods wrapped when this class was defined, or null if it was not woven then. */
  private Map<String, WrapperWriter.Wrapped> wrappedMethods(ClassLoader loader, String className) {
    synchronized (wrappedClasses) {
      return wrappedClasses.getOrDefault(loader, Map.of()).get(className);
    }
  }

  private AdviceWriter adviceWriter() {
    AdviceWriter current = adviceWriter;
    if (current == null) {
      synchronized (this) {
        current = adviceWriter;
        if (current == null) {
          current = new AdviceWriter();
          adviceWriter = current;
        }
      }
    }
    return current;
  }

  /** Returns {@code woven}, after writing it under the dump directory if there is one. */
  private byte[] dumped(String className, byte[] woven) {
    if (dump == null) {
      return woven;
    }
    Path file = dump.resolve(className.replace('.', '/') + ".class");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, woven);
    } catch (Exception e) {
      log.warn("cannot dump " + className + " to " + file + " (" + e + "); the class is woven all the same");
    }
    return woven;
  }
}
