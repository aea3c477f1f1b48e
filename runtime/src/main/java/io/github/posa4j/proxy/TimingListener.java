package io.github.posa4j.proxy;

/** Receives the duration of each call through a timing interceptor ({@link Interceptors#timing}). */
@FunctionalInterface
public interface TimingListener {

  /**
   * {@code method} took {@code nanos} nanoseconds, measured around the rest of the chain and the
   * target; {@code failure} is what it threw, or {@code null} when it returned.
   */
  void record(MethodDescriptor method, long nanos, Throwable failure);
}
