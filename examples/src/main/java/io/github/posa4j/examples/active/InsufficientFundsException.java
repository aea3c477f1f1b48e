package io.github.posa4j.examples.active;

/** A withdrawal larger than the balance of an {@link Account}. */
public final class InsufficientFundsException extends Exception {
  private static final long serialVersionUID = 1L;

  InsufficientFundsException(long amount, long balance) {
    super("cannot withdraw " + amount + " from a balance of " + balance);
  }
}
