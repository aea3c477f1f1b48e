package io.github.posa4j.proxy;

/**
 * Thrown by a protection proxy ({@link Interceptors#protection}) instead of calling a method its
 * {@link AccessPolicy} refused. Unchecked, so it passes through any interface method.
 */
public class AccessDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient MethodDescriptor method;

  /** Creates the exception for a refused call of {@code method}. */
  public AccessDeniedException(MethodDescriptor method) {
    super("access to " + method + " denied by the proxy's access policy;"
        + " grant it in the AccessPolicy given to Interceptors.protection(...) if it should pass");
    this.method = method;
  }

  /** The method whose call was refused. */
  public MethodDescriptor method() {
    return method;
  }
}
