package io.github.posa4j.observe;

import io.github.posa4j.active.internal.ActiveObjectObserver;
import io.github.posa4j.active.internal.ActiveObjectProbe;
import io.github.posa4j.command.internal.CommandProbe;
import io.github.posa4j.command.internal.CommandProcessorObserver;
import io.github.posa4j.internal.ObserverProvider;
import io.github.posa4j.leader.internal.ElectionObserver;
import io.github.posa4j.pubsub.internal.PublisherProbe;
import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.RegistrationListener;
import java.util.List;

/**
 * The one place where posa4j's own observers are installed into the patterns: Flight Recorder
 * events always, MBeans when {@link Observability#jmxEnabled()}. The runtime finds it through
 * {@code META-INF/services}; it is public for that reason only and is not an API.
 *
 * <p>It creates observers and reads the JMX switch, and touches no pattern class: each pattern
 * asks for its hooks from its own class initialiser.
 */
public final class StandardObservers implements ObserverProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public StandardObservers() {}

  @Override
  public <T> List<T> observers(Class<T> hook) {
    Object observer;
    if (hook == FaultToleranceListener.class) {
      observer = FlightRecorderEvents.listener();
    } else if (hook == ActiveObjectProbe.class) {
      observer = ActiveObjectEvents.INSTANCE;
    } else if (hook == PublisherProbe.class) {
      observer = PublisherEvents.INSTANCE;
    } else if (hook == CommandProbe.class) {
      observer = CommandEvents.INSTANCE;
    } else if (hook == ElectionObserver.class) {
      return Observability.jmxEnabled()
          ? List.of(hook.cast(ElectionEvents.INSTANCE), hook.cast(LeaderElectionJmx.registrar()))
          : List.of(hook.cast(ElectionEvents.INSTANCE));
    } else if (hook == RegistrationListener.class && Observability.jmxEnabled()) {
      observer = (RegistrationListener) Jmx::registerPolicies;
    } else if (hook == ActiveObjectObserver.class && Observability.jmxEnabled()) {
      observer = ActiveObjectJmx.registrar();
    } else if (hook == CommandProcessorObserver.class && Observability.jmxEnabled()) {
      observer = CommandProcessorJmx.registrar();
    } else {
      return List.of();
    }
    return List.of(hook.cast(observer));
  }
}
