/**
 * The call protocol between {@code io.github.posa4j.resilience.FaultTolerance} and the code that
 * posa4j generates or weaves: permits, attempts and fallback answers; and the seam through which
 * it checks {@code @LeaderOnly} without depending on the elections' package ({@link
 * io.github.posa4j.resilience.internal.LeaderGate}, {@link io.github.posa4j.resilience.internal.LeaderGates},
 * {@link io.github.posa4j.resilience.internal.CallEpoch}). Only generated and woven
 * code may use these types; they may change in any release. Application code calls
 * {@code FaultTolerance.call} and {@code callAsync} instead.
 */
package io.github.posa4j.resilience.internal;
