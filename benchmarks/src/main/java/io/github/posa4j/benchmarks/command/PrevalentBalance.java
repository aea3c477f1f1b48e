package io.github.posa4j.benchmarks.command;

import java.io.Serializable;
import java.util.Date;
import org.prevayler.Transaction;

/**
 * Prevayler's side of the comparison: the same running total as {@link Balance}, as a prevalent
 * system (Prevayler serializes it, and its transactions, with Java serialization).
 */
public class PrevalentBalance implements Serializable {
  private static final long serialVersionUID = 1L;
  long total;

  /** {@link Balance#add} as a Prevayler transaction. */
  static final class Add implements Transaction<PrevalentBalance> {
    private static final long serialVersionUID = 1L;
    private final long amount;

    Add(long amount) {
      this.amount = amount;
    }

    @Override
    public void executeOn(PrevalentBalance balance, Date executionTime) {
      balance.total += amount;
    }
  }
}
