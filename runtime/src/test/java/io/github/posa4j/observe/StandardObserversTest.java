package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.active.internal.ActiveObjectObserver;
import io.github.posa4j.active.internal.ActiveObjectProbe;
import io.github.posa4j.command.internal.CommandProbe;
import io.github.posa4j.command.internal.CommandProcessorObserver;
import io.github.posa4j.internal.InstalledObservers;
import io.github.posa4j.pubsub.internal.PublisherProbe;
import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.RegistrationListener;
import org.junit.jupiter.api.Test;

/**
 * The patterns find posa4j's own observers through {@code META-INF/services}, without depending
 * on this package: Flight Recorder events always, MBeans as the JMX switch says.
 */
class StandardObserversTest {

  @Test
  void everyPatternFindsItsFlightRecorderHook() {
    assertThat(InstalledObservers.of(FaultToleranceListener.class)).containsExactly(FlightRecorderEvents.listener());
    assertThat(InstalledObservers.one(ActiveObjectProbe.class, ActiveObjectProbe.NONE)).isSameAs(ActiveObjectEvents.INSTANCE);
    assertThat(InstalledObservers.one(PublisherProbe.class, PublisherProbe.NONE)).isSameAs(PublisherEvents.INSTANCE);
    assertThat(InstalledObservers.one(CommandProbe.class, CommandProbe.NONE)).isSameAs(CommandEvents.INSTANCE);
  }

  @Test
  void theMBeansAreInstalledOnlyWhenTheSwitchIsOn() {
    int expected = Observability.jmxEnabled() ? 1 : 0;

    assertThat(InstalledObservers.of(RegistrationListener.class)).hasSize(expected);
    assertThat(InstalledObservers.of(ActiveObjectObserver.class)).hasSize(expected);
    assertThat(InstalledObservers.of(CommandProcessorObserver.class)).hasSize(expected);
  }

  @Test
  void aHookNobodyProvidesGetsNoObserver() {
    assertThat(InstalledObservers.of(Runnable.class)).isEmpty();
    assertThat(InstalledObservers.one(Runnable.class, null)).isNull();
  }
}
