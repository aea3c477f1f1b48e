package io.github.posa4j.leader;

import io.github.posa4j.leader.internal.Elections;
import io.github.posa4j.leader.internal.ElectionView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * This process's membership of one election: the lease renewed in the background, and the
 * leadership this process holds, if any, until its deadline. Every use of one election name in a
 * JVM shares one membership ({@link Memberships}).
 *
 * <p>Its own thread asks the store for the lease every third of the lease. A member leads from an
 * answer that grants it until {@code (when it asked) + lease - lease / 10} on
 * {@link System#nanoTime()}: the store counts its lease from a later moment, so this member stops
 * before anyone else can start. {@link #admit()} reads that deadline and the clock, and nothing
 * else: no I/O on the caller's path. The same thread tells listeners when leadership begins and
 * ends, in order, with a timer at each deadline; it cannot tell of a deadline that passes while it
 * waits for the store (each store call is bounded, to about a renewal interval), so listeners may
 * hear of such an end late, while {@link #admit()} answers exactly at every instant.
 */
final class Membership implements ElectionView {
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.leader");

  private final String name;
  private final String url;
  /** {@link #url} with its secrets masked, for logs and the MBean. */
  private final String shownUrl;
  private final String memberId;
  private final Duration lease;
  private final long leaseNanos;
  private final long marginNanos;
  private final LeaseStore store;
  private final ScheduledExecutorService thread;
  private final List<LongConsumer> elected = new CopyOnWriteArrayList<>();
  private final List<Runnable> revoked = new CopyOnWriteArrayList<>();

  /** The leadership held now (maybe past its deadline, which {@link #admit} checks), or {@code null}. */
  private volatile Term term;
  /** The epoch listeners were last told of as elected, or 0 when they were told it ended (the membership's thread only). */
  private long toldEpoch;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The membership's own thread, once it started. */
  private volatile Thread own;
  /** The store's last failure, once reported, until an answer comes again (the membership's thread only). */
  private String failing;

  /** One leadership: its epoch and the monotonic instant it ends. */
  static final class Term {
    final long epoch;
    final long deadline;

    Term(long epoch, long deadline) {
      this.epoch = epoch;
      this.deadline = deadline;
    }
  }

  Membership(String name, String url, String memberId, Duration lease, LeaseStore store) {
    this.name = name;
    this.url = url;
    this.shownUrl = StoreUrls.withoutSecrets(url);
    this.memberId = memberId;
    this.lease = lease;
    this.leaseNanos = lease.toNanos();
    this.marginNanos = leaseNanos / 10;
    this.store = store;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "posa4j-election-" + name);
      thread.setDaemon(true);
      own = thread;
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.thread = executor;
  }

  void start() {
    long interval = renewalIntervalNanos();
    thread.scheduleWithFixedDelay(this::renewSafely, 0, interval, TimeUnit.NANOSECONDS);
  }

  /** A periodic task that throws is never run again: whatever goes wrong, the next renewal happens. */
  private void renewSafely() {
    try {
      renew();
    } catch (Throwable e) { // an Error from a listener too: this membership must go on renewing
      LOG.log(System.Logger.Level.WARNING, "posa4j: election '" + name + "': a renewal failed unexpectedly", e);
    }
  }

  /** A third of the lease: a leader has two more chances to renew before its deadline. */
  public long renewalIntervalNanos() {
    return Math.max(1, leaseNanos / 3);
  }

  /**
   * The epoch of the leadership this process holds now, or 0 when it does not lead (or its
   * deadline passed). A volatile read and a clock read: the check of {@code @LeaderOnly}.
   */
  public long admit() {
    Term current = term;
    return current != null && current.deadline - System.nanoTime() > 0 ? current.epoch : 0;
  }

  /** The monotonic deadline of the current leadership ({@link System#nanoTime()}), or 0 when not leading. */
  public long deadlineNanos() {
    Term current = term;
    return current != null && current.deadline - System.nanoTime() > 0 ? current.deadline : 0;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String url() {
    return shownUrl;
  }

  /** The store's URL as it was given, secrets and all: to tell whether a second join names the same store. */
  String storeUrl() {
    return url;
  }

  @Override
  public String memberId() {
    return memberId;
  }

  @Override
  public long leaseMillis() {
    return lease.toMillis();
  }

  @Override
  public boolean isLeader() {
    return admit() != 0;
  }

  @Override
  public long epoch() {
    return admit();
  }

  @Override
  public long leaseRemainingMillis() {
    long deadline = deadlineNanos();
    return deadline == 0 ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  public Duration lease() {
    return lease;
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Calls {@code listener} with the epoch whenever this process begins to lead; at once if it leads now. */
  void onElected(LongConsumer listener) {
    // Added on the membership's thread, so that it hears of the current leadership exactly once.
    onThread(() -> {
      elected.add(listener);
      if (toldEpoch != 0 && admit() == toldEpoch) {
        callElected(listener, toldEpoch);
      }
    });
  }

  /**
   * Calls {@code listener} whenever a leadership of this process ends. Added at once, so that a
   * leadership an {@code onElected} listener registered before it hears of also reaches it when it ends.
   */
  void onRevoked(Runnable listener) {
    revoked.add(listener);
  }

  private void onThread(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException closedAlready) {
      // a closed membership tells nobody anything any more
    }
  }

  /** One renewal, on the membership's thread. */
  private void renew() {
    if (closed.get()) {
      return;
    }
    long asked = System.nanoTime();
    Term held = term;
    long heldEpoch = held != null && held.deadline - asked > 0 ? held.epoch : 0;
    long epoch;
    try {
      epoch = store.acquire(lease, heldEpoch);
    } catch (Exception | LinkageError e) {
      renewalFailed(e);
      return;
    }
    if (failing != null) {
      failing = null;
      LOG.log(System.Logger.Level.INFO, "posa4j: election '" + name + "' at " + shownUrl + " reaches its store again");
    }
    if (epoch <= 0) {
      Term current = term;
      if (current != null) {
        endTerm(current, "another member holds the lease");
      }
      return;
    }
    long deadline = asked + leaseNanos - marginNanos;
    if (deadline - System.nanoTime() <= 0) {
      // The store answered after this member's deadline: it does not lead on that answer (the next renewal,
      // with no epoch held, begins a new leadership if the lease is still its own).
      Term stale = term;
      if (stale != null) {
        endTerm(stale, "its lease could not be renewed before its deadline");
      }
      return;
    }
    Term current = term;
    if (current != null && current.epoch != epoch) {
      endTerm(current, "the store began a new leadership");
    }
    term = new Term(epoch, deadline);
    if (closed.get()) {
      // close() ran while the store answered: it cleared the term before this set it, or clears it after
      term = null;
      return;
    }
    if (toldEpoch != epoch) {
      toldEpoch = epoch;
      Elections.tell(observer -> observer.elected(this, epoch));
      for (LongConsumer listener : elected) {
        callElected(listener, epoch);
      }
    }
    long untilDeadline = deadline - System.nanoTime();
    try {
      thread.schedule(() -> deadlinePassed(deadline), Math.max(0, untilDeadline), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // close() shut the thread down while this renewal was in flight; it ends the leadership itself
    }
  }

  private void renewalFailed(Throwable failure) {
    String message = String.valueOf(failure);
    Elections.tell(observer -> observer.renewalFailed(this, failure));
    if (!message.equals(failing)) {
      failing = message;
      Term current = term;
      LOG.log(System.Logger.Level.WARNING, "posa4j: election '" + name + "' at " + shownUrl + " cannot reach its store ("
          + message + ")" + (current != null && admit() != 0 ? "; this member leads until its deadline and then steps down"
          : "") + "; trying again every " + TimeUnit.NANOSECONDS.toMillis(renewalIntervalNanos()) + " ms");
    }
    deadlinePassed(Long.MIN_VALUE);
  }

  /** Ends the current leadership if its deadline has passed (or was {@code deadline}, when given, and has passed). */
  private void deadlinePassed(long deadline) {
    Term current = term;
    if (current == null || (deadline != Long.MIN_VALUE && current.deadline != deadline)) {
      return;
    }
    if (current.deadline - System.nanoTime() <= 0) {
      endTerm(current, "its lease could not be renewed before its deadline");
    }
  }

  private void endTerm(Term ending, String why) {
    if (term == ending) {
      term = null;
    }
    if (toldEpoch == ending.epoch) {
      toldEpoch = 0;
      Elections.tell(observer -> observer.revoked(this, ending.epoch, why));
      for (Runnable listener : revoked) {
        try {
          listener.run();
        } catch (Throwable e) { // logged, and kept from the other listeners and the renewals
          LOG.log(System.Logger.Level.WARNING, "posa4j: an onRevoked listener of election '" + name + "' threw", e);
        }
      }
    }
  }

  private void callElected(LongConsumer listener, long epoch) {
    try {
      listener.accept(epoch);
    } catch (Throwable e) { // logged, and kept from the other listeners and the renewals
      LOG.log(System.Logger.Level.WARNING, "posa4j: an onElected listener of election '" + name + "' threw", e);
    }
  }

  /**
   * Resigns: stops renewing, ends the leadership at once (listeners told), gives the lease up so
   * that another member may take it, and closes the store. Waits up to a lease and 5 s for the
   * membership's thread (a store call in flight); called from a listener, on that thread, it does
   * all of it there and then.
   */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Term resigned = term;
    term = null; // from now on admit() refuses, before the thread below runs
    if (Thread.currentThread() == own) {
      resign(resigned);
      thread.shutdown();
      return;
    }
    thread.execute(() -> resign(resigned));
    thread.shutdown();
    try {
      if (!thread.awaitTermination(lease.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void resign(Term resigned) {
    try {
      if (resigned != null) {
        endTerm(resigned, "the member resigned");
      }
      store.release();
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j: election '" + name + "' at " + shownUrl + " could not give its lease up ("
          + e + "); it runs out by itself", e);
    } finally {
      store.close();
    }
  }

  @Override
  public String toString() {
    return "election '" + name + "' at " + shownUrl + " (member " + memberId + ")";
  }
}
