package io.github.posa4j.processor.fixtures;

import io.github.posa4j.proxy.Interceptor;
import io.github.posa4j.proxy.InterceptorChain;
import io.github.posa4j.proxy.MethodDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * A static proxy of {@link Catalog}, generated from its {@code @Proxy} annotation.
 *
 * <p>{@link #lazy} makes a virtual proxy, {@link #intercept} a chain of interceptors around a
 * target. Calls go through generated code, without reflection; exceptions reach the caller as
 * with {@code java.lang.reflect.Proxy}. Default methods are forwarded to the target, so that its
 * overrides run.
 */
@Generated("io.github.posa4j.processor.Posa4jProcessor")
public final class CatalogProxy<K extends Comparable<K>> implements Catalog<K> {
  private static final MethodDescriptor FIND = MethodDescriptor.of(Catalog.class, "find", String.class,
      List.of(Comparable.class), List.of(IOException.class));

  private static final MethodDescriptor PUT = MethodDescriptor.of(Catalog.class, "put", void.class,
      List.of(Comparable.class, String[].class), List.of());

  private static final MethodDescriptor SIZE = MethodDescriptor.of(Catalog.class, "size", int.class,
      List.of(), List.of());

  private static final MethodDescriptor KEYS = MethodDescriptor.of(Catalog.class, "keys", List.class,
      List.of(), List.of());

  private static final MethodDescriptor CONVERT = MethodDescriptor.of(Catalog.class, "convert", Object.class,
      List.of(Comparable.class, Class.class), List.of());

  private final Supplier<? extends Catalog<K>> factory;

  /**
   * The interceptors; {@code null} when there are none, so that calls go straight to the target.
   */
  private final InterceptorChain chain;

  private volatile Catalog<K> target;

  private CatalogProxy(Catalog<K> target, Supplier<? extends Catalog<K>> factory,
      InterceptorChain chain) {
    this.target = target;
    this.factory = factory;
    this.chain = chain;
  }

  /**
   * A virtual proxy: {@code factory} creates the target on the first call, once, even when
   * threads race; if it throws, the caller gets its exception and the next call tries again.
   */
  public static <K extends Comparable<K>> Catalog<K> lazy(Supplier<? extends Catalog<K>> factory) {
    Objects.requireNonNull(factory, "factory");
    return new CatalogProxy<K>(null, factory, null);
  }

  /**
   * A proxy that runs every call through {@code interceptors}, the first given outermost,
   * to {@code target}.
   */
  public static <K extends Comparable<K>> Catalog<K> intercept(Catalog<K> target,
      Interceptor... interceptors) {
    Objects.requireNonNull(target, "target");
    return new CatalogProxy<K>(target, null, interceptors.length == 0 ? null : InterceptorChain.of(interceptors));
  }

  private Catalog<K> target() {
    Catalog<K> current = target;
    return current != null ? current : createTarget();
  }

  private synchronized Catalog<K> createTarget() {
    Catalog<K> current = target;
    if (current == null) {
      current = Objects.requireNonNull(factory.get(), "the factory given to CatalogProxy.lazy returned null");
      target = current;
    }
    return current;
  }

  /**
   * Describes the proxy without creating a lazy target; {@code equals} and {@code hashCode}
   * are those of {@code Object}: a proxy equals only itself.
   */
  @Override
  public String toString() {
    Catalog<K> current = target;
    return "CatalogProxy(" + (current == null ? "not created yet" : current) + ")";
  }

  @Override
  @SuppressWarnings("unchecked")
  public String find(K id) throws IOException {
    Catalog<K> target = target();
    if (chain == null) {
      return target.find(id);
    }
    try {
      return (String) chain.invoke(FIND, target, new Object[] {id}, (t, a) -> ((Catalog<K>) t).find((K) a[0]));
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, FIND);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void put(K id, String... items) {
    Catalog<K> target = target();
    if (chain == null) {
      target.put(id, items);
      return;
    }
    try {
      chain.invoke(PUT, target, new Object[] {id, items}, (t, a) -> { ((Catalog<K>) t).put((K) a[0], (String[]) a[1]); return null; });
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, PUT);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public int size() {
    Catalog<K> target = target();
    if (chain == null) {
      return target.size();
    }
    try {
      return (int) chain.invoke(SIZE, target, new Object[] {}, (t, a) -> ((Catalog<K>) t).size());
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, SIZE);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<K> keys() {
    Catalog<K> target = target();
    if (chain == null) {
      return target.keys();
    }
    try {
      return (List<K>) chain.invoke(KEYS, target, new Object[] {}, (t, a) -> ((Catalog<K>) t).keys());
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, KEYS);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T convert(K id, Class<T> type) {
    Catalog<K> target = target();
    if (chain == null) {
      return target.convert(id, type);
    }
    try {
      return (T) chain.invoke(CONVERT, target, new Object[] {id, type}, (t, a) -> ((Catalog<K>) t).convert((K) a[0], (Class<T>) a[1]));
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, CONVERT);
    }
  }
}
