package io.github.posa4j.processor.fixtures;

import io.github.posa4j.proxy.Interceptor;
import io.github.posa4j.proxy.InterceptorChain;
import io.github.posa4j.proxy.MethodDescriptor;
import io.github.posa4j.proxy.MethodInvocation;
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
    if (interceptors.length == 0) {
      return new Direct<K>(target);
    }
    return new CatalogProxy<K>(target, null, InterceptorChain.of(interceptors));
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
  public String find(K id) throws IOException {
    Catalog<K> target = target();
    if (chain == null) {
      return target.find(id);
    }
    try {
      return (String) new FindCall<K>(chain, 0, target, id).run();
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, FIND);
    }
  }

  @Override
  public void put(K id, String... items) {
    Catalog<K> target = target();
    if (chain == null) {
      target.put(id, items);
      return;
    }
    try {
      new PutCall<K>(chain, 0, target, id, items).run();
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, PUT);
    }
  }

  @Override
  public int size() {
    Catalog<K> target = target();
    if (chain == null) {
      return target.size();
    }
    try {
      return (int) new SizeCall<K>(chain, 0, target).run();
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
      return (List<K>) new KeysCall<K>(chain, 0, target).run();
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
      return (T) new ConvertCall<K, T>(chain, 0, target, id, type).run();
    } catch (Throwable e) {
      throw InterceptorChain.rethrow(e, CONVERT);
    }
  }

  /**
   * A proxy without interceptors: every call goes straight to the target.
   */
  private static final class Direct<K extends Comparable<K>> implements Catalog<K> {
    private final Catalog<K> target;

    Direct(Catalog<K> target) {
      this.target = target;
    }

    @Override
    public String toString() {
      return "CatalogProxy(" + target + ")";
    }

    @Override
    public String find(K id) throws IOException {
      return target.find(id);
    }

    @Override
    public void put(K id, String... items) {
      target.put(id, items);
    }

    @Override
    public int size() {
      return target.size();
    }

    @Override
    public List<K> keys() {
      return target.keys();
    }

    @Override
    public <T> T convert(K id, Class<T> type) {
      return target.convert(id, type);
    }
  }

  /**
   * A call of {@code find} on its way through the interceptors.
   */
  private static final class FindCall<K extends Comparable<K>> extends MethodInvocation {
    private final Catalog<K> target;

    private final K id;

    FindCall(InterceptorChain chain, int position, Catalog<K> target, K id) {
      super(chain, position);
      this.target = target;
      this.id = id;
    }

    @Override
    public MethodDescriptor method() {
      return FIND;
    }

    @Override
    public Object target() {
      return target;
    }

    @Override
    protected Object[] argumentArray() {
      return new Object[] {id};
    }

    @Override
    protected Object invokeTarget() throws Throwable {
      return target.find(id);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object invokeTarget(Object[] arguments) throws Throwable {
      return target.find((K) arguments[0]);
    }

    @Override
    protected MethodInvocation at(InterceptorChain chain, int position) {
      return new FindCall<K>(chain, position, target, id);
    }
  }

  /**
   * A call of {@code put} on its way through the interceptors.
   */
  private static final class PutCall<K extends Comparable<K>> extends MethodInvocation {
    private final Catalog<K> target;

    private final K id;

    private final String[] items;

    PutCall(InterceptorChain chain, int position, Catalog<K> target, K id, String[] items) {
      super(chain, position);
      this.target = target;
      this.id = id;
      this.items = items;
    }

    @Override
    public MethodDescriptor method() {
      return PUT;
    }

    @Override
    public Object target() {
      return target;
    }

    @Override
    protected Object[] argumentArray() {
      return new Object[] {id, items};
    }

    @Override
    protected Object invokeTarget() throws Throwable {
      target.put(id, items);
      return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object invokeTarget(Object[] arguments) throws Throwable {
      target.put((K) arguments[0], (String[]) arguments[1]);
      return null;
    }

    @Override
    protected MethodInvocation at(InterceptorChain chain, int position) {
      return new PutCall<K>(chain, position, target, id, items);
    }
  }

  /**
   * A call of {@code size} on its way through the interceptors.
   */
  private static final class SizeCall<K extends Comparable<K>> extends MethodInvocation {
    private final Catalog<K> target;

    SizeCall(InterceptorChain chain, int position, Catalog<K> target) {
      super(chain, position);
      this.target = target;
    }

    @Override
    public MethodDescriptor method() {
      return SIZE;
    }

    @Override
    public Object target() {
      return target;
    }

    @Override
    protected Object[] argumentArray() {
      return new Object[] {};
    }

    @Override
    protected Object invokeTarget() throws Throwable {
      return target.size();
    }

    @Override
    protected Object invokeTarget(Object[] arguments) throws Throwable {
      return target.size();
    }

    @Override
    protected MethodInvocation at(InterceptorChain chain, int position) {
      return new SizeCall<K>(chain, position, target);
    }
  }

  /**
   * A call of {@code keys} on its way through the interceptors.
   */
  private static final class KeysCall<K extends Comparable<K>> extends MethodInvocation {
    private final Catalog<K> target;

    KeysCall(InterceptorChain chain, int position, Catalog<K> target) {
      super(chain, position);
      this.target = target;
    }

    @Override
    public MethodDescriptor method() {
      return KEYS;
    }

    @Override
    public Object target() {
      return target;
    }

    @Override
    protected Object[] argumentArray() {
      return new Object[] {};
    }

    @Override
    protected Object invokeTarget() throws Throwable {
      return target.keys();
    }

    @Override
    protected Object invokeTarget(Object[] arguments) throws Throwable {
      return target.keys();
    }

    @Override
    protected MethodInvocation at(InterceptorChain chain, int position) {
      return new KeysCall<K>(chain, position, target);
    }
  }

  /**
   * A call of {@code convert} on its way through the interceptors.
   */
  private static final class ConvertCall<K extends Comparable<K>, T> extends MethodInvocation {
    private final Catalog<K> target;

    private final K id;

    private final Class<T> type;

    ConvertCall(InterceptorChain chain, int position, Catalog<K> target, K id, Class<T> type) {
      super(chain, position);
      this.target = target;
      this.id = id;
      this.type = type;
    }

    @Override
    public MethodDescriptor method() {
      return CONVERT;
    }

    @Override
    public Object target() {
      return target;
    }

    @Override
    protected Object[] argumentArray() {
      return new Object[] {id, type};
    }

    @Override
    protected Object invokeTarget() throws Throwable {
      return target.convert(id, type);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object invokeTarget(Object[] arguments) throws Throwable {
      return target.convert((K) arguments[0], (Class<T>) arguments[1]);
    }

    @Override
    protected MethodInvocation at(InterceptorChain chain, int position) {
      return new ConvertCall<K, T>(chain, position, target, id, type);
    }
  }
}
