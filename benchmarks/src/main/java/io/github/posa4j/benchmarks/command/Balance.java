package io.github.posa4j.benchmarks.command;

import io.github.posa4j.annotation.CommandProcessor;
import io.github.posa4j.annotation.ReadOnly;
import io.github.posa4j.annotation.Undo;

/**
 * The receiver of the command-processor benchmarks: the smallest useful command, one
 * {@code long} argument added to a running total, with an inverse. The processor generates
 * {@code BalanceCommands} from it, which the benchmarks call as users would.
 */
@CommandProcessor
public class Balance {
  private long total;

  /** Adds {@code amount}; returns the new total. The command of every benchmark. */
  @Undo("subtract")
  public long add(long amount) {
    total += amount;
    return total;
  }

  /** The inverse of {@link #add}. */
  void subtract(long amount) {
    total -= amount;
  }

  /** The total; read-only. */
  @ReadOnly
  public long total() {
    return total;
  }
}
