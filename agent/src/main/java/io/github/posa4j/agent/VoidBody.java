package io.github.posa4j.agent;

/**
 * The body of a woven {@code void} method, as the wrapper {@link WrapperWriter} writes hands it to
 * {@link Woven#afterVoidFailure} for each retry. Public because woven code makes one; not an API.
 */
@FunctionalInterface
public interface VoidBody {
  /** Runs the body once. */
  void run() throws Throwable;
}
