package io.github.posa4j.command.internal;

import io.github.posa4j.command.CommandOptions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** API SKELETON - implementation in progress. */
public final class CommandRunner<S> {
  private CommandRunner() {}

  public static <S> CommandRunner<S> open(CommandSchema<S> schema, Supplier<? extends S> initial,
      CommandOptions options, String typeName) {
    throw new UnsupportedOperationException("skeleton");
  }

  public <R> CompletableFuture<R> submit(Command<S, R> command) {
    throw new UnsupportedOperationException("skeleton");
  }

  public <R> CompletableFuture<R> submit(Query<S, R> query) {
    throw new UnsupportedOperationException("skeleton");
  }

  public CompletableFuture<Boolean> undo() {
    throw new UnsupportedOperationException("skeleton");
  }

  public CompletableFuture<Boolean> redo() {
    throw new UnsupportedOperationException("skeleton");
  }

  public CompletableFuture<Void> macro(CommandBatch<S> batch) {
    throw new UnsupportedOperationException("skeleton");
  }

  public CompletableFuture<Void> snapshot() {
    throw new UnsupportedOperationException("skeleton");
  }

  public int pendingRequests() {
    throw new UnsupportedOperationException("skeleton");
  }

  public void close() {
    throw new UnsupportedOperationException("skeleton");
  }

  public int shutdownNow() {
    throw new UnsupportedOperationException("skeleton");
  }
}
