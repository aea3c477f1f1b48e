package io.github.posa4j.resilience;

/**
 * Thrown instead of calling a method whose bulkhead has no free slot (and, for a method returning
 * {@code CompletionStage}, no free place in its waiting queue). It carries no stack trace: the
 * message names the method and the limit.
 */
public class BulkheadFullException extends FaultToleranceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the method with the given policy key. */
  public BulkheadFullException(String method, int maxConcurrent, int maxWaiting) {
    this(messageFor(method, maxConcurrent, maxWaiting), null);
  }

  /** With a message made once per bulkhead, so that a rejection costs one small object. */
  BulkheadFullException(String message, Void unused) {
    super(message, null, false);
  }

  static String messageFor(String method, int maxConcurrent, int maxWaiting) {
    return "bulkhead of " + method + " is full (" + maxConcurrent + " running"
        + (maxWaiting > 0 ? ", " + maxWaiting + " waiting" : "") + "): call rejected";
  }
}
