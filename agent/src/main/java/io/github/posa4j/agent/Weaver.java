package io.github.posa4j.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves one class file: plans its methods with {@link Planner}, then inlines {@link SyncAdvice}
 * or {@link AsyncAdvice} into each planned method with Byte Buddy. Only method bodies change (no
 * new fields or methods), so the same bytes serve at load time and at retransformation. This is
 * the only class of the agent's start-up path that touches Byte Buddy, so Byte Buddy is loaded
 * only when a class needs weaving.
 */
final class Weaver {
  private final Planner planner;
  private final AgentConfig config;
  private final Path dump;
  private final AgentLog log;
  private final ByteBuddy byteBuddy = new ByteBuddy()
      .with(InstrumentedType.Factory.Default.FROZEN)
      .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
      .with(Implementation.Context.Disabled.Factory.INSTANCE);
  private final WovenIds ids = new WovenIds();
  // Parsed once: parsing advice is a good part of the cost of the first woven class.
  private final Advice syncAdvice;
  private final Advice asyncAdvice;

  Weaver(Planner planner, AgentConfig config, Path dump, AgentLog log) {
    this.planner = planner;
    this.config = config;
    this.dump = dump;
    this.log = log;
    ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(Weaver.class.getClassLoader());
    Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(WovenId.class, ids);
    this.syncAdvice = mapping.to(SyncAdvice.class, agentClasses);
    this.asyncAdvice = mapping.to(AsyncAdvice.class, agentClasses);
  }

  /** The woven class file, or null when nothing in it is woven. */
  byte[] weave(ClassLoader loader, String className, byte[] classFile) throws Exception {
    ClassFileLocator locator = new ClassFileLocator.Compound(
        ClassFileLocator.Simple.of(className, classFile), ClassFileLocator.ForClassLoader.of(loader));
    TypePool pool = TypePool.Default.of(locator);
    TypeDescription type = pool.describe(className).resolve();
    List<Planner.Planned> planned = planner.plan(type, pool, loader);
    if (planned.isEmpty()) {
      return null;
    }
    for (Planner.Planned method : planned) {
      if (Woven.isRegistered(method.plan().key())) {
        log.debug("woven again " + method.plan().key());
      } else {
        log.info("woven " + method.plan().describe());
      }
    }
    byte[] woven = write(type, locator, planned);
    if (dump != null) {
      dump(className, woven);
    }
    return woven;
  }

  /**
   * Registers the planned methods and writes the class. One class at a time: the indices bound
   * while writing are looked up by class and method name, which two loaders may share.
   */
  private synchronized byte[] write(TypeDescription type, ClassFileLocator locator, List<Planner.Planned> planned) {
    DynamicType.Builder<?> builder = byteBuddy.redefine(type, locator);
    for (Planner.Planned method : planned) {
      MethodPlan plan = method.plan();
      ids.put(type, method.method(), Woven.register(new WovenMethod(plan, method.method().getName(),
          Planner.parameterTypeNames(method.method()), config, log)));
      builder = builder.visit((plan.async() ? asyncAdvice : syncAdvice).on(ElementMatchers.is(method.method())));
    }
    try {
      return builder.make().getBytes();
    } finally {
      planned.forEach(method -> ids.remove(type, method.method()));
    }
  }

  private void dump(String className, byte[] woven) {
    Path file = dump.resolve(className.replace('.', '/') + ".class");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, woven);
    } catch (Exception e) {
      log.warn("cannot dump " + className + " to " + file + " (" + e + "); the class is woven all the same");
    }
  }
}
