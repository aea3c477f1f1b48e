package io.github.posa4j.benchmarks;

/**
 * The protected method of every benchmark: a trivial body whose result (or exception) the
 * benchmark returns, so that JMH consumes it and the JIT cannot remove the call.
 *
 * <p>The failing body throws one preallocated exception without a stack trace, so that the
 * failure-path figures show what each library adds, not the cost of creating the body's exception.
 */
public interface Backend {
  /** The one exception a failing backend throws; shared, without stack trace. */
  RuntimeException FAILURE = new RuntimeException("backend failed", null, false, false) {
    private static final long serialVersionUID = 1L;
  };

  /** The protected call. */
  Integer fetch();

  /** A backend whose every call returns {@code value} (read from a field, not a constant). */
  static Backend succeeding(Integer value) {
    return new Succeeding(value);
  }

  /** A backend whose every call throws {@link #FAILURE}. */
  static Backend failing() {
    return new Failing();
  }

  /** Returns a field. */
  final class Succeeding implements Backend {
    private final Integer value;

    Succeeding(Integer value) {
      this.value = value;
    }

    @Override
    public Integer fetch() {
      return value;
    }
  }

  /** Throws {@link #FAILURE}. */
  final class Failing implements Backend {
    @Override
    public Integer fetch() {
      throw FAILURE;
    }
  }
}
