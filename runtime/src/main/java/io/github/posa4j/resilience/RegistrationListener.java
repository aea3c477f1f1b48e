package io.github.posa4j.resilience;

import java.util.function.Consumer;

/**
 * Hears of each policy set of a {@link FaultToleranceRegistry}, as
 * {@link FaultToleranceRegistry#addRegistrationListener} describes: the hook through which an
 * observability binding (posa4j's MBeans, say) is installed into
 * {@link FaultToleranceRegistry#global()}. Any {@code Consumer<FaultTolerance>} serves as well
 * for a listener added by hand.
 */
@FunctionalInterface
public interface RegistrationListener extends Consumer<FaultTolerance> {}
