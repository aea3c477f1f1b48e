package io.github.posa4j.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One thread and one {@link Selector} (POSA2's Reactor: its Initiation Dispatcher): it waits for
 * readiness on the channels it owns and dispatches each event to the channel's {@link Handler},
 * runs tasks other threads submit (waking the selector once, not spinning), runs its timers, and
 * at the end of each turn writes what its connections queued during the turn, so that the frames
 * a turn produces leave in as few system calls as possible.
 *
 * <p>Everything a loop owns (its channels, timers, scratch buffers) is touched by its own thread
 * only.
 */
final class EventLoop implements Runnable {
  /** The size of a loop's read buffer, which every connection of the loop reads into in turn. */
  public static final int READ_BUFFER_BYTES = 64 << 10;
  private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

  /** What a channel registered with a loop does when it is ready. */
  public interface Handler {
    /** The channel is ready for the operations in {@code readyOps}. */
    void ready(int readyOps);

    /** The loop is closing: close at once. */
    void loopClosing();
  }

  /** A task to run on the loop at a moment, cancelable. */
  public static final class Timer implements Comparable<Timer> {
    private final long dueNanos;
    private final Runnable task;
    private final long sequence;
    private boolean cancelled;

    private Timer(long dueNanos, Runnable task, long sequence) {
      this.dueNanos = dueNanos;
      this.task = task;
      this.sequence = sequence;
    }

    /** Cancels it; on the loop's thread only. */
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
      int byTime = Long.compare(dueNanos - other.dueNanos, 0);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeUpAsked = new AtomicBoolean();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final ArrayDeque<Runnable> toFlush = new ArrayDeque<>();
  private final Consumer<SelectionKey> dispatch = this::dispatch;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
  private final ByteBuffer[] gatherScratch = new ByteBuffer[64];
  private ByteBuffer tlsPlainBuffer;
  private long timerSequence;
  private volatile boolean closing;
  private volatile long busyNanos;
  private volatile long startedNanos;

  public EventLoop(String threadName) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for " + threadName, e);
    }
    this.thread = new Thread(this, threadName);
    this.thread.setDaemon(true);
  }

  public void start() {
    startedNanos = System.nanoTime();
    thread.start();
  }

  /** Whether the caller is this loop's thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the loop: at once when called from it, otherwise at its next turn. */
  public void execute(Runnable task) {
    if (inLoop()) {
      task.run();
    } else {
      submit(task);
    }
  }

  /** Runs {@code task} on the loop at its next turn, even when called from it. */
  public void submit(Runnable task) {
    tasks.add(task);
    if (ended.getCount() == 0) {
      runLateTasks(); // the thread is gone: nobody else will
    } else if (!inLoop() && wakeUpAsked.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  private void runLateTasks() {
    synchronized (tasks) {
      Runnable late;
      while ((late = tasks.poll()) != null) {
        runSafely(late);
      }
    }
  }

  /** Runs {@code task} on the loop after {@code delayNanos}; call on the loop's thread. */
  public Timer schedule(long delayNanos, Runnable task) {
    Timer timer = new Timer(System.nanoTime() + delayNanos, task, timerSequence++);
    timers.add(timer);
    return timer;
  }

  /** Has {@code flush} run at the end of this turn; call on the loop's thread. */
  public void flushAtEndOfTurn(Runnable flush) {
    toFlush.add(flush);
  }

  /** Registers {@code channel} for {@code ops} with {@code handler}; call on the loop's thread. */
  public SelectionKey register(java.nio.channels.SelectableChannel channel, int ops, Handler handler)
      throws IOException {
    return channel.register(selector, ops, handler);
  }

  /** The handlers of the channels registered now, for sweeps (idle timeouts); call on the loop's thread. */
  public List<Handler> handlers() {
    List<Handler> handlers = new ArrayList<>();
    for (SelectionKey key : selector.keys()) {
      if (key.isValid()) {
        handlers.add((Handler) key.attachment());
      }
    }
    return handlers;
  }

  /** The buffer every connection of this loop reads into; on the loop's thread only. */
  public ByteBuffer readBuffer() {
    return readBuffer;
  }

  /** Scratch room for gathering writes; on the loop's thread only. */
  public ByteBuffer[] gatherScratch() {
    return gatherScratch;
  }

  /** A buffer for decrypted bytes of at least {@code size}, shared by the TLS connections of this loop. */
  public ByteBuffer tlsPlainBuffer(int size) {
    if (tlsPlainBuffer == null || tlsPlainBuffer.capacity() < size) {
      tlsPlainBuffer = ByteBuffer.allocateDirect(Math.max(size, 64 << 10));
    }
    tlsPlainBuffer.clear();
    return tlsPlainBuffer;
  }

  /** The share of its life the loop spent handling events rather than waiting for them, 0 to 1. */
  public double busyRatio() {
    long alive = System.nanoTime() - startedNanos;
    return alive <= 0 ? 0 : Math.min(1.0, (double) busyNanos / alive);
  }

  @Override
  public void run() {
    try {
      while (!closing) {
        turn();
      }
    } catch (Throwable fatal) {
      LOG.log(System.Logger.Level.ERROR, "posa4j-net: event loop " + thread.getName() + " failed; its connections are closed", fatal);
    } finally {
      closeEverything();
      ended.countDown();
      runLateTasks(); // submitted between the last look and the count down
    }
  }

  private void turn() throws IOException {
    long timeout = untilNextTimerMillis();
    wakeUpAsked.set(false);
    if (!tasks.isEmpty() || closing) {
      selector.selectNow(dispatch);
    } else if (timeout < 0) {
      selector.select(dispatch);
    } else {
      selector.select(dispatch, Math.max(1, timeout));
    }
    long busyFrom = System.nanoTime();
    runTasks();
    runDueTimers();
    flushAll();
    busyNanos += System.nanoTime() - busyFrom;
  }

  private void dispatch(SelectionKey key) {
    long from = System.nanoTime();
    Handler handler = (Handler) key.attachment();
    try {
      handler.ready(key.isValid() ? key.readyOps() : 0);
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.ERROR, "posa4j-net: a channel's handler failed on " + thread.getName(), e);
      handler.loopClosing();
    }
    busyNanos += System.nanoTime() - from;
  }

  private void runTasks() {
    // Only what is queued now: tasks that queue tasks wait for the next turn, after the selector.
    for (int n = tasks.size(); n > 0; n--) {
      Runnable task = tasks.poll();
      if (task == null) {
        break;
      }
      runSafely(task);
    }
  }

  private void runDueTimers() {
    long now = System.nanoTime();
    Timer timer;
    while ((timer = timers.peek()) != null && timer.dueNanos - now <= 0) {
      timers.poll();
      if (!timer.cancelled) {
        runSafely(timer.task);
      }
    }
  }

  private void flushAll() {
    Runnable flush;
    while ((flush = toFlush.poll()) != null) {
      runSafely(flush);
    }
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.ERROR, "posa4j-net: a task failed on " + thread.getName(), e);
    }
  }

  private long untilNextTimerMillis() {
    while (!timers.isEmpty() && timers.peek().cancelled) {
      timers.poll();
    }
    Timer next = timers.peek();
    if (next == null) {
      return -1;
    }
    long nanos = next.dueNanos - System.nanoTime();
    return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
  }

  /** Closes every channel, ends the thread, and waits for it (unless called from it). */
  public void close() {
    closing = true;
    selector.wakeup();
    if (!inLoop()) {
      try {
        ended.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeEverything() {
    runTasks(); // registrations and closes already asked for
    for (Handler handler : handlers()) {
      try {
        handler.loopClosing();
      } catch (Throwable e) {
        LOG.log(System.Logger.Level.WARNING, "posa4j-net: closing a channel failed on " + thread.getName(), e);
      }
    }
    // Tasks submitted while closing (a connect, a send from another thread) find the loop closed.
    runLateTasks();
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j-net: closing the selector of " + thread.getName() + " failed", e);
    }
  }

  /** Whether the loop is closing or closed: tasks submitted now may find their channel closed. */
  public boolean isClosing() {
    return closing;
  }

  public String name() {
    return thread.getName();
  }
}
