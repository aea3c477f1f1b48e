package io.github.posa4j.resilience;

import java.util.Arrays;
import java.util.List;

/**
 * The "on"/"skip" pair of exception lists every policy carries ({@code failOn}/{@code skipOn},
 * {@code retryOn}/{@code abortOn}, {@code applyOn}/{@code skipOn}): a throwable matches when it is
 * an instance of some class in {@code on} and of none in {@code skip}.
 */
final class ExceptionFilter {
  private final Class<? extends Throwable>[] on;
  private final Class<? extends Throwable>[] skip;

  @SafeVarargs
  static Class<? extends Throwable>[] classes(Class<? extends Throwable>... classes) {
    return classes.clone();
  }

  ExceptionFilter(Class<? extends Throwable>[] on, Class<? extends Throwable>[] skip) {
    this.on = on.clone();
    this.skip = skip.clone();
  }

  boolean matches(Throwable failure) {
    return isAnyInstance(skip, failure) ? false : isAnyInstance(on, failure);
  }

  List<Class<? extends Throwable>> on() {
    return List.of(on);
  }

  List<Class<? extends Throwable>> skip() {
    return List.of(skip);
  }

  private static boolean isAnyInstance(Class<? extends Throwable>[] classes, Throwable failure) {
    for (Class<? extends Throwable> type : classes) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return Arrays.toString(on) + " skip " + Arrays.toString(skip);
  }
}
