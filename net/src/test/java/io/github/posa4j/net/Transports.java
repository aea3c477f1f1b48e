package io.github.posa4j.net;

import java.util.function.Function;

/** The transports every behaviour test runs on, by name, for parameterized tests. */
enum Transports {
  REACTOR(Reactor::open),
  PROACTOR(Proactor::open);

  private final Function<NetOptions, Transport> opener;

  Transports(Function<NetOptions, Transport> opener) {
    this.opener = opener;
  }

  Transport open(NetOptions options) {
    return opener.apply(options);
  }
}
