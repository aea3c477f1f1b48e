package io.github.posa4j.command.internal;

/** API SKELETON - implementation in progress. */
public final class CommandEngine<S> {
  private CommandEngine() {}

  void run(Command<S, ?> command) {
    throw new UnsupportedOperationException("skeleton");
  }

  void query(Query<S, ?> query) {
    throw new UnsupportedOperationException("skeleton");
  }
}
