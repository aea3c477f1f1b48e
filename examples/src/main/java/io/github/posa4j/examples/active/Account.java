package io.github.posa4j.examples.active;

import io.github.posa4j.annotation.ActiveObject;

/**
 * A bank account written as plain single-threaded code; {@code AccountActiveObject} serialises
 * the calls of every thread. A withdrawal larger than the balance fails with a checked exception,
 * which reaches the caller through its future.
 */
@ActiveObject
public class Account {
  private long balance;
  private int operations;

  /** Adds {@code amount} to the balance. */
  public void deposit(long amount) {
    balance += amount;
    operations++;
  }

  /** Takes {@code amount} from the balance and returns what is left. */
  public long withdraw(long amount) throws InsufficientFundsException {
    if (amount > balance) {
      throw new InsufficientFundsException(amount, balance);
    }
    balance -= amount;
    operations++;
    return balance;
  }

  /** The balance now. */
  public long balance() {
    return balance;
  }

  /** How many deposits and withdrawals succeeded. */
  public int operations() {
    return operations;
  }
}
