package io.github.posa4j.command.internal;

import java.util.List;

/**
 * The receiver and its undo history, and the moves that change them: run a command or a macro,
 * undo, redo. The live processor and recovery make the same moves, so recovery rebuilds the same
 * receiver and the same history from the journal. Each move either completes, or throws and
 * leaves the receiver as it was (as far as commands and inverses leave it unchanged when they
 * throw, which is their contract).
 */
final class ReceiverState<S> {
  S receiver;
  final History<S> history;

  ReceiverState(S receiver, int depth) {
    this.receiver = receiver;
    this.history = new History<>(depth);
  }

  /** Runs {@code command}; its result. */
  <R> R run(Command<S, R> command) throws Exception {
    R result = command.apply(receiver);
    boolean undoable = command.type().undoable();
    history.ran(undoable ? new Step<>(List.of(command), new Object[] {result}) : null, undoable);
    return result;
  }

  /** Runs the commands of a macro in order; if one throws, reverts those before it and rethrows. */
  void runMacro(List<Command<S, ?>> commands) throws Exception {
    Object[] results = applyAll(commands);
    history.ran(new Step<>(commands, results), true);
  }

  /** Whether there is a step to undo. */
  boolean canUndo() {
    return history.peekUndo() != null;
  }

  /** Whether there is a step to redo. */
  boolean canRedo() {
    return history.peekRedo() != null;
  }

  /**
   * Reverts the newest step; if an inverse throws, runs again the commands of the step already
   * reverted, and rethrows.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void undo() throws Exception {
    Step<S> step = history.peekUndo();
    List<Command<S, ?>> commands = step.commands;
    for (int i = commands.size() - 1; i >= 0; i--) {
      try {
        ((Command) commands.get(i)).revert(receiver, step.results[i]);
      } catch (Exception | Error failure) {
        for (int j = i + 1; j < commands.size(); j++) {
          try {
            step.results[j] = commands.get(j).apply(receiver);
          } catch (Exception | Error again) {
            failure.addSuppressed(again);
          }
        }
        throw failure;
      }
    }
    history.undone();
  }

  /** Runs the newest undone step again; if one of its commands throws, reverts those before it and rethrows. */
  void redo() throws Exception {
    Step<S> step = history.peekRedo();
    Object[] results = applyAll(step.commands);
    history.redone(new Step<>(step.commands, results));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object[] applyAll(List<Command<S, ?>> commands) throws Exception {
    Object[] results = new Object[commands.size()];
    for (int i = 0; i < commands.size(); i++) {
      try {
        results[i] = commands.get(i).apply(receiver);
      } catch (Exception | Error failure) {
        for (int j = i - 1; j >= 0; j--) {
          try {
            ((Command) commands.get(j)).revert(receiver, results[j]);
          } catch (Exception | Error again) {
            failure.addSuppressed(again);
          }
        }
        throw failure;
      }
    }
    return results;
  }
}
