package io.github.posa4j.command.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The commands of one macro, collected by a generated {@code <Name>Commands.Batch} while the
 * caller's consumer runs; sealed once handed to the processor, so that a batch kept past its
 * {@code macro(...)} call cannot change the macro.
 *
 * @param <S> the receiver type
 */
public abstract class CommandBatch<S> {
  private final List<Command<S, ?>> commands = new ArrayList<>();
  private boolean sealed;

  /** For generated subclasses. */
  protected CommandBatch() {}

  /** Adds {@code command} to the macro. */
  protected final void add(Command<S, ?> command) {
    Objects.requireNonNull(command, "command");
    if (sealed) {
      throw new IllegalStateException("this batch was already handed to macro(...): add commands inside the"
          + " consumer given to macro(...), not after it returned");
    }
    commands.add(command);
  }

  /** The commands, once; the batch takes no more. */
  final List<Command<S, ?>> seal() {
    sealed = true;
    return List.copyOf(commands);
  }
}
