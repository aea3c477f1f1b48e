package io.github.posa4j.leader;

import io.github.posa4j.resilience.FaultToleranceException;

/**
 * Thrown instead of running a {@code @LeaderOnly} method while this process does not lead its
 * election. A {@link FaultToleranceException}, so that {@code @Fallback} can take over. It carries
 * no stack trace: a follower refusing work is routine, and the message names the method and the
 * election.
 */
public class NotLeaderException extends FaultToleranceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code method}, guarded by the election {@code election}. */
  public NotLeaderException(String method, String election) {
    super(messageFor(method, election), null, false);
  }

  /** With a message made once per guarded method, so that a refusal costs one small object. */
  NotLeaderException(String message, Void unused) {
    super(message, null, false);
  }

  /** The message of a refusal of {@code method}. */
  public static String messageFor(String method, String election) {
    return method + " runs only on the leader of election '" + election + "', and this process does not lead it";
  }
}
