package io.github.posa4j.examples.payments;

import java.io.IOException;

/** The remote bank the payment client talks to; in the demo, a scripted fake. */
public interface Bank {

  /** Debits {@code cents} from {@code account} and returns a confirmation code. */
  String debit(String account, long cents) throws IOException;
}
