package io.github.posa4j.command.internal;

/**
 * Hears of command processors as they open and as they close, for observers such as JMX and
 * metrics bindings; see {@link CommandProcessors#addObserver}. Called on the thread that opens the
 * processor, and on the one that closes it (or calls {@code shutdownNow()}), once its journal is
 * closed; must be quick. What it throws is logged and ignored.
 */
public interface CommandProcessorObserver {

  /** {@code processor} has recovered its receiver and accepts calls. */
  void opened(CommandRunner<?> processor);

  /** {@code processor} has stopped and closed its journal (or failed to close it). */
  void closed(CommandRunner<?> processor);
}
