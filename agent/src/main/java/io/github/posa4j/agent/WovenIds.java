package io.github.posa4j.agent;

import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds {@link WovenId} parameters of the advice to each method's index in {@link Woven}, as an
 * int constant in its bytecode. Looking the index up by method lets one parsed {@link Advice} serve
 * every method; the weaver registers a method's index just before writing its class, and removes it
 * after.
 */
final class WovenIds implements Advice.OffsetMapping {
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();

  void put(TypeDescription type, MethodDescription method, int id) {
    ids.put(key(type, method), id);
  }

  void remove(TypeDescription type, MethodDescription method) {
    ids.remove(key(type, method));
  }

  @Override
  public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
      Advice.ArgumentHandler argumentHandler, Sort sort) {
    Integer id = ids.get(key(instrumentedType, instrumentedMethod));
    if (id == null) {
      throw new IllegalStateException("no woven index for " + key(instrumentedType, instrumentedMethod));
    }
    return new Target.ForStackManipulation(IntegerConstant.forValue(id));
  }

  private static String key(TypeDescription type, MethodDescription method) {
    return type.getName() + '.' + method.getInternalName() + method.getDescriptor();
  }
}
