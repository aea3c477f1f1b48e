package io.github.posa4j.command.internal;

import java.util.List;

/**
 * One step of the undo history: a command, or the commands of a macro, with the results they
 * returned when they last ran, which their inverses may take.
 */
final class Step<S> {
  final List<Command<S, ?>> commands;
  final Object[] results;

  Step(List<Command<S, ?>> commands, Object[] results) {
    this.commands = commands;
    this.results = results;
  }

  /** Reverts the commands on {@code receiver}, last first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void revert(S receiver) throws Exception {
    for (int i = commands.size() - 1; i >= 0; i--) {
      ((Command) commands.get(i)).revert(receiver, results[i]);
    }
  }

  @Override
  public String toString() {
    return commands.size() == 1 ? commands.get(0).type().name() : "macro of " + commands.size() + " commands";
  }
}
