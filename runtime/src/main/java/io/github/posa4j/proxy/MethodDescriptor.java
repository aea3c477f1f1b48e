package io.github.posa4j.proxy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A proxied method: its declaring interface, name, parameter and return types and declared
 * exceptions. Generated proxies hold one per method in a constant, so interceptors can tell
 * methods apart without {@code java.lang.reflect}.
 */
public final class MethodDescriptor {
  private final Class<?> declaringInterface;
  private final String name;
  private final List<Class<?>> parameterTypes;
  private final Class<?> returnType;
  private final List<Class<? extends Throwable>> exceptionTypes;

  private MethodDescriptor(Class<?> declaringInterface, String name, List<Class<?>> parameterTypes,
      Class<?> returnType, List<Class<? extends Throwable>> exceptionTypes) {
    this.declaringInterface = declaringInterface;
    this.name = name;
    this.parameterTypes = parameterTypes;
    this.returnType = returnType;
    this.exceptionTypes = exceptionTypes;
  }

  /**
   * The descriptor of {@code name(parameterTypes)} declared in {@code declaringInterface},
   * returning {@code returnType} ({@code void.class} for none) and declaring
   * {@code exceptionTypes}.
   */
  public static MethodDescriptor of(Class<?> declaringInterface, String name, Class<?> returnType,
      List<Class<?>> parameterTypes, List<Class<? extends Throwable>> exceptionTypes) {
    return new MethodDescriptor(Objects.requireNonNull(declaringInterface, "declaringInterface"),
        Objects.requireNonNull(name, "name"), List.copyOf(parameterTypes),
        Objects.requireNonNull(returnType, "returnType"), List.copyOf(exceptionTypes));
  }

  /** The interface that declares the method. */
  public Class<?> declaringInterface() {
    return declaringInterface;
  }

  /** The method's name. */
  public String name() {
    return name;
  }

  /** The erased parameter types. */
  public List<Class<?>> parameterTypes() {
    return parameterTypes;
  }

  /** The erased return type; {@code void.class} for none. */
  public Class<?> returnType() {
    return returnType;
  }

  /** The exceptions the method declares. */
  public List<Class<? extends Throwable>> exceptionTypes() {
    return exceptionTypes;
  }

  /**
   * Whether {@code failure} may reach a caller unchanged: it is unchecked, or an instance of a
   * declared exception type.
   */
  public boolean mayThrow(Throwable failure) {
    if (failure instanceof RuntimeException || failure instanceof Error) {
      return true;
    }
    for (Class<? extends Throwable> declared : exceptionTypes) {
      if (declared.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MethodDescriptor that
        && declaringInterface == that.declaringInterface
        && name.equals(that.name)
        && parameterTypes.equals(that.parameterTypes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(declaringInterface, name, parameterTypes);
  }

  /** {@code SimpleInterfaceName.method(ParamType,...)}, e.g. {@code Catalog.find(String)}. */
  @Override
  public String toString() {
    return declaringInterface.getSimpleName() + "." + name + parameterTypes.stream()
        .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
  }
}
