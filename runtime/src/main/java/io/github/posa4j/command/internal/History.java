package io.github.posa4j.command.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of one processor. An undoable command pushes a step and forgets what
 * could be redone; a command without an inverse forgets both stacks, since nothing before it can
 * be undone past it; undo moves the newest step to the redo stack and redo moves it back. The undo
 * stack keeps at most {@code depth} steps, forgetting the oldest. Recovery rebuilds the same
 * stacks by applying the same moves in the journal's order.
 */
final class History<S> {
  private int depth;
  private final Deque<Step<S>> undo = new ArrayDeque<>();
  private final Deque<Step<S>> redo = new ArrayDeque<>();

  History(int depth) {
    this.depth = depth;
  }

  /**
   * Changes the depth, forgetting the oldest steps beyond it: recovery replays each segment with
   * the depth it was written with, then takes the processor's own.
   */
  void depth(int newDepth) {
    depth = newDepth;
    while (undo.size() > newDepth) {
      undo.removeLast();
    }
  }

  /** A step ran for the first time. */
  void ran(Step<S> step, boolean undoable) {
    redo.clear();
    if (!undoable) {
      undo.clear();
      return;
    }
    if (depth == 0) {
      return;
    }
    if (undo.size() == depth) {
      undo.removeLast();
    }
    undo.push(step);
  }

  /** The step {@code undo()} would revert, or {@code null}. */
  Step<S> peekUndo() {
    return undo.peek();
  }

  /** The step {@code redo()} would run again, or {@code null}. */
  Step<S> peekRedo() {
    return redo.peek();
  }

  /** The newest step was undone. */
  void undone() {
    redo.push(undo.pop());
  }

  /** The newest undone step ran again, as {@code step} (with its new results). */
  void redone(Step<S> step) {
    redo.pop();
    undo.push(step);
  }

  int undoDepth() {
    return undo.size();
  }

  int redoDepth() {
    return redo.size();
  }

  /** The undo steps, oldest first. */
  Iterable<Step<S>> undoSteps() {
    return undo::descendingIterator;
  }

  /** The redo steps, the one redo() would take last first. */
  Iterable<Step<S>> redoSteps() {
    return redo::descendingIterator;
  }

  /** Puts back steps read from a snapshot, oldest first, as {@link #undoSteps()} and {@link #redoSteps()} gave them. */
  void restore(Iterable<Step<S>> undoSteps, Iterable<Step<S>> redoSteps) {
    undo.clear();
    redo.clear();
    undoSteps.forEach(undo::push);
    redoSteps.forEach(redo::push);
  }
}
