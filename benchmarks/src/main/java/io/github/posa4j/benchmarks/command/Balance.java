package io.github.posa4j.benchmarks.command;

/**
 * The receiver of the command-processor benchmarks: the smallest useful command, one
 * {@code long} argument added to a running total, with an inverse. As the user would write it for
 * {@code @CommandProcessor} ({@code add} with {@code @Undo("subtract")}, {@code total} with
 * {@code @ReadOnly}); its commands class, {@link BalanceCommands}, is written by hand the way the
 * processor generates it.
 */
public class Balance {
  private long total;

  /** Adds {@code amount}; returns the new total. The command of every benchmark. */
  public long add(long amount) {
    total += amount;
    return total;
  }

  /** The inverse of {@link #add}. */
  public void subtract(long amount) {
    total -= amount;
  }

  /** The total; read-only. */
  public long total() {
    return total;
  }
}
