package io.github.posa4j.resilience;

/**
 * A policy attribute out of its allowed range. The message names the attribute, its value, the
 * method and what is allowed, e.g. {@code failureRatio=1.5 on com.acme.Pay/charge: must be in [0,1]}.
 */
public class InvalidPolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a complete message. */
  public InvalidPolicyException(String message) {
    super(message);
  }

  static void check(boolean valid, String attribute, Object value, String method, String rule) {
    if (!valid) {
      throw new InvalidPolicyException(attribute + "=" + value + " on " + method + ": " + rule);
    }
  }
}
