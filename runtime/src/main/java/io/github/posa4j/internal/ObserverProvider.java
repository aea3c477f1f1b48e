package io.github.posa4j.internal;

import java.util.List;

/**
 * Gives the runtime's patterns their observers. Each pattern declares the hook types it calls
 * (an active object's {@code ActiveObjectProbe}, a publisher's {@code PublisherProbe}, a policy
 * registry's {@code FaultToleranceListener}, ...) and asks {@link InstalledObservers} for them
 * when its class is initialised; an observability binding implements this interface and names
 * its implementation in {@code META-INF/services/io.github.posa4j.internal.ObserverProvider}.
 *
 * <p>Implementations must not initialise a pattern's classes while they answer: a pattern asks
 * from its class initialiser, and two patterns initialised on two threads must never wait for
 * each other.
 */
public interface ObserverProvider {

  /** The observers of type {@code hook} this provider installs, in the order they are to be called; often none. */
  <T> List<T> observers(Class<T> hook);
}
