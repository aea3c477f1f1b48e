package io.github.posa4j.examples.payments;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bank that answers from a script: {@code 'S'} succeeds, {@code 'F'} fails with an
 * {@code IOException}; after the script it always fails. It counts the requests it received.
 */
public final class ScriptedBank implements Bank {
  private final Deque<Character> script = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();

  /** A bank following {@code script}, e.g. {@code "FFS"}. */
  public ScriptedBank(String script) {
    script.chars().forEach(outcome -> this.script.add((char) outcome));
  }

  @Override
  public synchronized String debit(String account, long cents) throws IOException {
    int request = requests.incrementAndGet();
    Character outcome = script.poll();
    if (outcome == null || outcome != 'S') {
      throw new IOException("bank unavailable (request " + request + ")");
    }
    return "OK-" + request;
  }

  /** How many requests reached the bank. */
  public int requests() {
    return requests.get();
  }
}
