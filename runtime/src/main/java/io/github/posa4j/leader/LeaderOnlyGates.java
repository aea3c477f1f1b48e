package io.github.posa4j.leader;

import io.github.posa4j.config.Config;
import io.github.posa4j.resilience.internal.LeaderGate;
import io.github.posa4j.resilience.internal.LeaderGates;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the call protocol checks {@code @LeaderOnly}: a service ({@link java.util.ServiceLoader})
 * that gives it the gate of an election by name. Applications do not use it.
 *
 * <p>A gate joins its election on first use, at the URL configured under
 * {@code posa4j.election.<name>.url}, unless this JVM already is a member: that first call
 * connects to the store on its own thread, and the calls made meanwhile are refused at once.
 * While the election cannot be joined (no URL configured, the store unreachable), every call is
 * refused with a {@link NotLeaderException} that says why, a warning is logged once per cause,
 * and the join is tried again at most once a second.
 */
public final class LeaderOnlyGates implements LeaderGates {

  /** For the service loader. */
  public LeaderOnlyGates() {}

  @Override
  public LeaderGate gate(String election) {
    return new Gate(election);
  }

  /** One election's gate, shared by the methods that name it in a policy. */
  static final class Gate implements LeaderGate {
    private static final System.Logger LOG = System.getLogger("io.github.posa4j.leader");
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String election;
    /** The message of the last refusal, made again only when its method or its reason changes. */
    private volatile RefusalMessage lastRefusal;
    private volatile Membership membership;
    private volatile String unjoinable;
    private volatile long nextJoin;
    private final AtomicBoolean joining = new AtomicBoolean();

    Gate(String election) {
      this.election = election;
    }

    @Override
    public String election() {
      return election;
    }

    @Override
    public long admit() {
      Membership current = membership;
      if (current != null && !current.isClosed()) {
        return current.admit();
      }
      current = join();
      return current == null ? 0 : current.admit();
    }

    @Override
    public RuntimeException refusal(String method) {
      String why = unjoinable;
      RefusalMessage message = lastRefusal;
      if (message == null || !message.method().equals(method) || !Objects.equals(message.why(), why)) {
        message = new RefusalMessage(method, why, NotLeaderException.messageFor(method, election)
            + (why == null ? "" : " (it could not join the election: " + why + ")"));
        lastRefusal = message;
      }
      return new NotLeaderException(message.text(), (Void) null);
    }

    /** A refusal's message, and what it was made from. */
    private record RefusalMessage(String method, String why, String text) {}

    /**
     * Joins the election on one caller's thread at a time; the others, and every caller within a
     * second of a failed join, are refused at once instead of waiting for the store.
     */
    private Membership join() {
      Membership current = membership;
      if (current != null && !current.isClosed()) {
        return current;
      }
      long now = System.nanoTime();
      if ((unjoinable != null && now - nextJoin < 0) || !joining.compareAndSet(false, true)) {
        return null;
      }
      try {
        current = Memberships.find(election).filter(found -> !found.isClosed())
            .orElseGet(() -> Memberships.joinConfigured(election, Config.standard(classLoader())));
        membership = current;
        unjoinable = null;
        return current;
      } catch (RuntimeException e) {
        String why = String.valueOf(e.getMessage());
        if (!why.equals(unjoinable)) {
          LOG.log(System.Logger.Level.WARNING, "posa4j: @LeaderOnly(\"" + election + "\") refuses every call: " + why);
        }
        nextJoin = now + RETRY_NANOS;
        unjoinable = why;
        return null;
      } finally {
        joining.set(false);
      }
    }

    private static ClassLoader classLoader() {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : LeaderOnlyGates.class.getClassLoader();
    }
  }
}
