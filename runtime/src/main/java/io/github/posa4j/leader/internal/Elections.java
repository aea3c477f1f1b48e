package io.github.posa4j.leader.internal;

import io.github.posa4j.internal.InstalledObservers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The elections this JVM is a member of, as observers see them, and the observers themselves:
 * those observability installs ({@link InstalledObservers}) and those added at run time (a
 * Micrometer binding). The memberships report here; observers only read.
 */
public final class Elections {
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.leader");
  private static final List<ElectionObserver> OBSERVERS =
      new CopyOnWriteArrayList<>(InstalledObservers.of(ElectionObserver.class));
  private static final List<ElectionView> JOINED = new CopyOnWriteArrayList<>();

  private Elections() {}

  /** Adds {@code observer} for what happens from now on; {@link #joined()} lists what is there already. */
  public static void addObserver(ElectionObserver observer) {
    OBSERVERS.add(observer);
  }

  /** Removes {@code observer}; it hears of nothing that happens after this returns. */
  public static void removeObserver(ElectionObserver observer) {
    OBSERVERS.remove(observer);
  }

  /** The elections this JVM is a member of now. */
  public static List<ElectionView> joined() {
    return List.copyOf(JOINED);
  }

  /** A membership began: recorded, and every observer told. For the elections' package. */
  public static void join(ElectionView election) {
    JOINED.add(election);
    tell(observer -> observer.joined(election));
  }

  /** A membership ended: forgotten, and every observer told. For the elections' package. */
  public static void leave(ElectionView election) {
    if (JOINED.remove(election)) {
      tell(observer -> observer.left(election));
    }
  }

  /** Tells every observer of an event, each failure logged and kept from the others. For the elections' package. */
  public static void tell(Consumer<ElectionObserver> event) {
    for (ElectionObserver observer : OBSERVERS) {
      try {
        event.accept(observer);
      } catch (RuntimeException | LinkageError e) {
        LOG.log(System.Logger.Level.WARNING, "posa4j: an election observer failed: " + observer, e);
      }
    }
  }
}
