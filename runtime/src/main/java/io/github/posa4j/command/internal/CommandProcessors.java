package io.github.posa4j.command.internal;

import io.github.posa4j.active.internal.MethodRequest;
import io.github.posa4j.internal.InstalledObservers;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells {@link CommandProcessorObserver}s of the command processors that open and close after they
 * were added, and holds the {@link CommandProbe} every processor reports its calls and syncs to.
 * Keeps no processor itself; an observer that keeps one (a registered MBean does) keeps it until it
 * closes.
 *
 * <p>It starts with the observers and the probe that observability installs
 * ({@link InstalledObservers}).
 */
public final class CommandProcessors {
  private static final System.Logger LOG = System.getLogger(CommandProcessors.class.getName());
  private static final List<CommandProcessorObserver> OBSERVERS =
      new CopyOnWriteArrayList<>(InstalledObservers.of(CommandProcessorObserver.class));
  /** Called for every call and sync: final, so that the JIT compiler sees the one implementation. */
  static final CommandProbe PROBE = InstalledObservers.one(CommandProbe.class, CommandProbe.NONE);

  private CommandProcessors() {}

  /** Adds {@code observer} for the processors that open from now on. */
  public static void addObserver(CommandProcessorObserver observer) {
    OBSERVERS.add(observer);
  }

  /** Removes {@code observer}; it hears of nothing that happens after this returns. */
  public static void removeObserver(CommandProcessorObserver observer) {
    OBSERVERS.remove(observer);
  }

  static void opened(CommandRunner<?> processor) {
    for (CommandProcessorObserver observer : OBSERVERS) {
      try {
        observer.opened(processor);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a command processor observer failed on the opening of "
            + processor.name(), e);
      }
    }
  }

  static void closed(CommandRunner<?> processor) {
    for (CommandProcessorObserver observer : OBSERVERS) {
      try {
        observer.closed(processor);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a command processor observer failed on the closing of "
            + processor.name(), e);
      }
    }
  }

  /**
   * Runs {@code body}, the work of {@code call}, reported to the probe as the end of the call begun
   * when it gave the non-null handle {@code started}: {@code outcome} if it went well,
   * {@link CommandProbe#FAILED} if {@code body} threw or the call's future failed.
   */
  static void run(Object started, CommandEngine<?> engine, MethodRequest<?, ?> call, String command, String outcome,
      Runnable body) {
    try {
      body.run();
    } catch (RuntimeException | Error thrown) {
      PROBE.commandEnds(started, engine.name(), command, CommandProbe.FAILED, thrown);
      throw thrown;
    }
    Throwable failure = failureOf(call);
    PROBE.commandEnds(started, engine.name(), command, failure == null ? outcome : CommandProbe.FAILED, failure);
  }

  /** What {@code call}'s future failed with, or {@code null} if it has not failed (it may still be pending). */
  private static Throwable failureOf(MethodRequest<?, ?> call) {
    if (!call.isCompletedExceptionally()) {
      return null;
    }
    try {
      call.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (CancellationException e) {
      return e;
    }
  }
}
