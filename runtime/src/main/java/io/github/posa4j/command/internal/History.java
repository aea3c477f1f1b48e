package io.github.posa4j.command.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of one processor. An undoable command pushes a step and forgets what
 * could be redone; a command without an inverse forgets both stacks, since nothing before it can
 * be undone past it; undo moves the newest step to the redo stack and redo moves it back. The undo
 * stack keeps at most {@code depth} steps, forgetting the oldest. Recovery rebuilds the same
 * stacks by applying the same moves in the journal's order.
 *
 * <p>Only the processor's thread changes it; {@link #undoDepth()} and {@link #redoDepth()} may be
 * read from any thread.
 */
final class History<S> {
  private static final VarHandle UNDO_DEPTH;
  private static final VarHandle REDO_DEPTH;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      UNDO_DEPTH = lookup.findVarHandle(History.class, "undoDepth", int.class);
      REDO_DEPTH = lookup.findVarHandle(History.class, "redoDepth", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private int depth;
  private final Deque<Step<S>> undo = new ArrayDeque<>();
  private final Deque<Step<S>> redo = new ArrayDeque<>();
  /**
   * The sizes of the stacks, for observers on other threads: written after each move with release
   * stores (plain stores on x86), read with acquire loads.
   */
  @SuppressWarnings("unused") // through UNDO_DEPTH
  private int undoDepth;
  @SuppressWarnings("unused") // through REDO_DEPTH
  private int redoDepth;

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
    while (redo.size() > newDepth) {
      redo.removeLast();
    }
    published();
  }

  /** A step ran for the first time. */
  void ran(Step<S> step, boolean undoable) {
    redo.clear();
    if (!undoable) {
      undo.clear();
    } else if (depth != 0) {
      if (undo.size() == depth) {
        undo.removeLast();
      }
      undo.push(step);
    }
    published();
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
    published();
  }

  /** The newest undone step ran again, as {@code step} (with its new results). */
  void redone(Step<S> step) {
    redo.pop();
    undo.push(step);
    if (undo.size() > depth) {
      undo.removeLast();
    }
    published();
  }

  /** The steps {@code undo()} can revert; from any thread. */
  int undoDepth() {
    return (int) UNDO_DEPTH.getAcquire(this);
  }

  /** The steps {@code redo()} can run again; from any thread. */
  int redoDepth() {
    return (int) REDO_DEPTH.getAcquire(this);
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
    published();
  }

  private void published() {
    UNDO_DEPTH.setRelease(this, undo.size());
    REDO_DEPTH.setRelease(this, redo.size());
  }
}
