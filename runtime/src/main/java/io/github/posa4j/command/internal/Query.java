package io.github.posa4j.command.internal;

import io.github.posa4j.active.internal.MethodRequest;

/**
 * One call of a {@code @ReadOnly} method of a receiver: it runs in order with the commands but is
 * neither journaled nor undoable, and its future completes only once every command before it is
 * durable. Generated {@code <Name>Commands} classes declare one subclass per read-only method.
 *
 * @param <S> the receiver type
 * @param <R> the result type ({@code Void} for a {@code void} method)
 */
public abstract class Query<S, R> extends MethodRequest<CommandEngine<S>, R> {

  /** For generated subclasses. */
  protected Query() {}

  /** Calls the read-only method on {@code receiver} with this query's arguments. */
  protected abstract R apply(S receiver) throws Exception;

  @Override
  protected final void execute(CommandEngine<S> engine) {
    engine.query(this);
  }
}
