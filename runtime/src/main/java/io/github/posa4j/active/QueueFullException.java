package io.github.posa4j.active;

import java.util.concurrent.RejectedExecutionException;

/**
 * The exception of a future whose request found the active object's queue full, under
 * {@link OverflowPolicy#FAIL} (or when the active object calls itself under
 * {@link OverflowPolicy#BLOCK}). The request was not queued and will not run.
 */
public final class QueueFullException extends RejectedExecutionException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which names the active object and its capacity. */
  public QueueFullException(String message) {
    super(message);
  }
}
