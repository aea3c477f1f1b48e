package com.acme.shop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * No annotations, every method always fails: the agent's {@code config=} file adds a retry to each
 * method, and the other configuration sources, read before or after that file, decide how many.
 */
public class ConfiguredShop {
  final AtomicInteger attempts = new AtomicInteger();

  public String bySystemProperty() {
    return fail("system property");
  }

  public String byEnvironment() {
    return fail("environment");
  }

  public String fromStandardFile() {
    return fail("standard file");
  }

  public String contestedByStandardFile() {
    return fail("contested by standard file");
  }

  public String fromClassPath() {
    return fail("class path");
  }

  public String contestedByClassPath() {
    return fail("contested by class path");
  }

  private String fail(String what) {
    attempts.incrementAndGet();
    throw new IllegalStateException(what + " down");
  }
}
