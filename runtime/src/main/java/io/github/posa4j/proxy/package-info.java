/**
 * The runtime of static proxies ({@link io.github.posa4j.annotation.Proxy @Proxy}): the
 * {@link io.github.posa4j.proxy.Interceptor} chain that generated {@code <Name>Proxy} classes
 * call, the {@link io.github.posa4j.proxy.MethodDescriptor} each proxied method has, and
 * built-in interceptors in {@link io.github.posa4j.proxy.Interceptors}: protection (access
 * control), logging and timing. Nothing here uses {@code java.lang.reflect} at call time.
 */
package io.github.posa4j.proxy;
