package io.github.posa4j.agent;

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

/**
 * Weaves classes that are already loaded, when the agent is attached: inlines {@link SyncAdvice}
 * or {@link AsyncAdvice} into each planned method with Byte Buddy, changing method bodies only (no
 * new fields or methods), as retransformation requires. Created on first need: loading Byte
 * Buddy's advice machinery and parsing the advice is costly.
 */
final class AdviceWriter {
  private final ByteBuddy byteBuddy = new ByteBuddy()
      .with(InstrumentedType.Factory.Default.FROZEN)
      .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
      .with(Implementation.Context.Disabled.Factory.INSTANCE);
  private final WovenIds ids = new WovenIds();
  private final Advice syncAdvice;
  private final Advice asyncAdvice;

  AdviceWriter() {
    ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(AdviceWriter.class.getClassLoader());
    Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(WovenId.class, ids);
    this.syncAdvice = mapping.to(SyncAdvice.class, agentClasses);
    this.asyncAdvice = mapping.to(AsyncAdvice.class, agentClasses);
  }

  /**
   * Writes the class with each planned method under advice, {@code ids} giving their indices in
   * {@link Woven}. One class at a time: the indices bound while writing are looked up by class and
   * method name, which two loaders may share.
   */
  synchronized byte[] write(TypeDescription type, ClassFileLocator locator, List<Planner.Planned> planned, int[] ids) {
    DynamicType.Builder<?> builder = byteBuddy.redefine(type, locator);
    for (int i = 0; i < planned.size(); i++) {
      Planner.Planned method = planned.get(i);
      this.ids.put(type, method.method(), ids[i]);
      builder = builder.visit((method.plan().async() ? asyncAdvice : syncAdvice).on(ElementMatchers.is(method.method())));
    }
    try {
      return builder.make().getBytes();
    } finally {
      for (Planner.Planned method : planned) {
        this.ids.remove(type, method.method());
      }
    }
  }
}
