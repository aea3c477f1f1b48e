package io.github.posa4j.observe;

import io.github.posa4j.active.internal.MethodRequest;
import java.util.concurrent.CountDownLatch;

/** A servant for the active object events, with request classes as the processor writes them. */
final class Account {
  long balance;

  /** Adds to the balance. */
  static final class DepositRequest extends MethodRequest<Account, Void> {
    private final long amount;

    DepositRequest(long amount) {
      this.amount = amount;
    }

    @Override
    protected void execute(Account servant) {
      servant.balance += amount;
      complete(null);
    }
  }

  /** Throws, as a servant method that fails does. */
  static final class WithdrawRequest extends MethodRequest<Account, Void> {
    @Override
    protected void execute(Account servant) {
      throw new IllegalStateException("insufficient funds");
    }
  }

  /** Holds the servant until released, so that later requests wait in the queue. */
  static final class HoldRequest extends MethodRequest<Account, Void> {
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release;

    HoldRequest(CountDownLatch release) {
      this.release = release;
    }

    @Override
    protected void execute(Account servant) throws InterruptedException {
      started.countDown();
      release.await();
      complete(null);
    }
  }
}
