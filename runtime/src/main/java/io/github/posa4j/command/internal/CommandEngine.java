package io.github.posa4j.command.internal;

import io.github.posa4j.active.internal.MethodRequest;
import io.github.posa4j.active.internal.TurnListener;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.JournalException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The servant of a command processor's active object: it runs each command on the receiver,
 * appends its record to the journal and completes its future once the record is durable. For a
 * {@link Durability#SYNC} journal the records of one turn of the queue share one sync at its end
 * (group commit: callers whose commands arrive during a sync share the next one); for
 * {@link Durability#ASYNC} the record is in the page cache once written.
 *
 * <p>A command's arguments are encoded and room is made for its record before it runs, so a
 * command that cannot be journaled fails without touching the receiver. If a sync fails, the
 * records since the last good sync are taken back, their futures (and those of the read-only
 * calls answered after them) fail with the {@code IOException} as cause, and the receiver is
 * rebuilt from the journal, so that it again matches what is durable; the processor goes on
 * serving calls.
 *
 * <p>Only the processor's thread calls it.
 */
public final class CommandEngine<S> implements TurnListener {
  private final CommandSchema<S> schema;
  private final Supplier<? extends S> initial;
  private final CommandOptions options;
  private final Journal<S> journal;
  private final boolean syncEachTurn;
  private final CodecOutput body = new CodecOutput(256);
  private ReceiverState<S> state;
  /** What closing the journal failed with, until {@link #rethrowCloseFailure()} threw it. */
  private volatile JournalException closeFailure;
  /** Why the processor can run nothing any more (its receiver could not be rebuilt), or {@code null}. */
  private JournalException broken;

  private MethodRequest<?, ?>[] pending = new MethodRequest<?, ?>[64];
  private Object[] pendingValues = new Object[64];
  private int pendingCount;
  /** The pending futures before this index have durable records: the segment they are in was synced on a roll. */
  private int durableCount;

  /** How many futures the last synced turn completed: callers who may well send again at once. */
  private int lastTurnCount;
  /** A moving average of how long a sync takes, in nanoseconds; 0 before the first. */
  private long averageSyncNanos;
  /** Until when this turn may still wait for more requests (see {@link #waitForMoreNanos}); 0 before it waited. */
  private long waitUntil;

  private CommandEngine(CommandSchema<S> schema, Supplier<? extends S> initial, CommandOptions options,
      Journal<S> journal, ReceiverState<S> state) {
    this.schema = schema;
    this.initial = initial;
    this.options = options;
    this.journal = journal;
    this.state = state;
    this.syncEachTurn = journal != null && options.durability() == Durability.SYNC;
  }

  /** A processor's engine, after recovering the receiver from the journal of {@code options}, if any. */
  static <S> CommandEngine<S> open(CommandSchema<S> schema, Supplier<? extends S> initial, CommandOptions options,
      String processorName) {
    if (options.journal().isEmpty()) {
      S receiver = initial.get();
      if (receiver == null) {
        throw new NullPointerException("the initial receiver supplier of " + schema.receiver() + " returned null");
      }
      return new CommandEngine<>(schema, initial, options, null, new ReceiverState<>(receiver, options.history()));
    }
    Journal.Opened<S> opened = Journal.open(options.journal().get(), schema, initial, options, processorName);
    return new CommandEngine<>(schema, initial, options, opened.journal, opened.recovered.state);
  }

  void run(Command<S, ?> command) {
    if (refusedBecauseBroken(command)) {
      return;
    }
    if (journal != null) {
      body.reset();
      body.writeByte(JournalFiles.COMMAND);
      body.writeVarInt(journal.index(command.type()));
      if (!encode(command, command) || !reserve(command)) {
        return;
      }
    }
    Object result;
    try {
      result = state.run(command);
    } catch (Throwable failure) {
      fail(command, failure);
      return;
    }
    appendAndComplete(command, result);
  }

  void query(Query<S, ?> query) {
    if (refusedBecauseBroken(query)) {
      return;
    }
    Object result;
    try {
      result = query.apply(state.receiver);
    } catch (Throwable failure) {
      fail(query, failure);
      return;
    }
    finish(query, result);
  }

  void macro(MethodRequest<?, Void> request, List<Command<S, ?>> commands) {
    if (refusedBecauseBroken(request)) {
      return;
    }
    if (commands.isEmpty()) {
      finish(request, null);
      return;
    }
    if (journal != null) {
      body.reset();
      body.writeByte(JournalFiles.MACRO);
      body.writeVarInt(commands.size());
      for (Command<S, ?> command : commands) {
        body.writeVarInt(journal.index(command.type()));
        if (!encode(command, request)) {
          return;
        }
      }
      if (!reserve(request)) {
        return;
      }
    }
    try {
      state.runMacro(commands);
    } catch (Throwable failure) {
      fail(request, failure);
      return;
    }
    appendAndComplete(request, null);
  }

  void undo(MethodRequest<?, Boolean> request) {
    if (refusedBecauseBroken(request)) {
      return;
    }
    if (!state.canUndo()) {
      finish(request, Boolean.FALSE);
      return;
    }
    if (journal != null) {
      body.reset();
      body.writeByte(JournalFiles.UNDO);
      if (!reserve(request)) {
        return;
      }
    }
    try {
      state.undo();
    } catch (Throwable failure) {
      fail(request, failure);
      return;
    }
    appendAndComplete(request, Boolean.TRUE);
  }

  void redo(MethodRequest<?, Boolean> request) {
    if (refusedBecauseBroken(request)) {
      return;
    }
    if (!state.canRedo()) {
      finish(request, Boolean.FALSE);
      return;
    }
    if (journal != null) {
      body.reset();
      body.writeByte(JournalFiles.REDO);
      if (!reserve(request)) {
        return;
      }
    }
    try {
      state.redo();
    } catch (Throwable failure) {
      fail(request, failure);
      return;
    }
    appendAndComplete(request, Boolean.TRUE);
  }

  void snapshot(MethodRequest<?, Void> request) {
    if (refusedBecauseBroken(request)) {
      return;
    }
    if (!schema.snapshots()) {
      request.completeExceptionally(new UnsupportedOperationException(schema.receiver()
          + " does not implement Snapshottable, so it has no snapshots"));
      return;
    }
    if (journal == null) {
      finish(request, null); // nothing to shorten in memory
      return;
    }
    if (!syncTurn()) {
      request.completeExceptionally(broken != null ? broken
          : new JournalException("the journal " + journal.directory() + " could not be forced to the device before the"
              + " snapshot, so no snapshot was written; the journal still recovers everything acknowledged"));
      return;
    }
    try {
      journal.snapshot(state);
    } catch (IOException | RuntimeException e) {
      request.completeExceptionally(new JournalException("the snapshot of " + schema.receiver() + " in "
          + journal.directory() + " failed; the journal is unchanged and still recovers everything: " + e, e));
      return;
    }
    finish(request, null);
  }

  /**
   * The commit delay of a {@code SYNC} journal: when the queue runs empty before as many requests
   * joined this turn as the last turn acknowledged, waits up to half a sync (on average, at most
   * {@value #MOST_WAIT_NANOS} ns) for them. Callers who wait for each acknowledgement before they
   * send again are woken one at a time at the end of a turn; without the wait, the first of them
   * to send again would start a sync of its own and the others would wait for the one after.
   */
  @Override
  public long waitForMoreNanos() {
    if (!syncEachTurn || pendingCount == 0 || pendingCount >= lastTurnCount) {
      return 0;
    }
    long now = System.nanoTime();
    if (waitUntil == 0) {
      waitUntil = now + Math.min(averageSyncNanos / 2, MOST_WAIT_NANOS);
    }
    return waitUntil - now;
  }

  private static final long MOST_WAIT_NANOS = 1_000_000;

  @Override
  public void turnEnded() {
    waitUntil = 0;
    if (pendingCount == 0) {
      return;
    }
    lastTurnCount = pendingCount;
    if (syncEachTurn) {
      syncTurn();
    }
    completePending(pendingCount, null);
  }

  long journalBytes() {
    return journal == null ? 0 : journal.bytesWritten();
  }

  /** The number of records known durable, for observers. */
  long durableRecords() {
    return journal == null ? 0 : journal.durableRecords();
  }

  /** The processor's name, for observers: {@link CommandRunner} names it in its options. */
  String name() {
    return options.name().orElse(schema.receiver());
  }

  /** The undo history, for observers: its depths may be read from other threads. */
  History<S> history() {
    return state.history;
  }

  /**
   * The processor terminated (closed or shut down, and its last request ran): syncs and closes
   * the journal, on the processor's thread, so that nothing can run after it. A failure is kept
   * for {@link #rethrowCloseFailure()}.
   */
  @Override
  public void terminated() {
    if (journal == null) {
      return;
    }
    try {
      journal.close();
    } catch (IOException | RuntimeException e) {
      closeFailure = new JournalException("closing the journal " + journal.directory() + " failed: " + e, e);
    }
  }

  /** Throws, once, what closing the journal failed with, if it failed. */
  void rethrowCloseFailure() {
    JournalException failure = closeFailure;
    if (failure != null) {
      closeFailure = null;
      throw failure;
    }
  }

  /**
   * Syncs the records of this turn; on failure takes them back, fails the futures that waited for
   * them, and rebuilds the receiver. Whether the sync succeeded.
   */
  private boolean syncTurn() {
    if (journal == null || journal.unsyncedRecords() == 0) {
      return true;
    }
    try {
      long started = System.nanoTime();
      journal.sync();
      long took = System.nanoTime() - started;
      averageSyncNanos = averageSyncNanos == 0 ? took : averageSyncNanos + ((took - averageSyncNanos) >> 3);
      durableCount = pendingCount;
      return true;
    } catch (Journal.SyncFailedException e) {
      if (syncEachTurn) {
        takeBackTurn(e);
      }
      // ASYNC: the records were acknowledged once in the page cache, which still holds them; nothing is taken back
      return false;
    }
  }

  /**
   * After a failed sync of a {@code SYNC} journal: takes back the records written since the last
   * good sync, fails the futures that waited for them, and rebuilds the receiver.
   */
  private JournalException takeBackTurn(Journal.SyncFailedException e) {
    journal.takeBackUnsynced();
    JournalException failure = new JournalException("the journal " + journal.directory() + " could not be forced"
        + " to the device, so this call is not durable and was taken back: " + e.getCause(), e.getCause());
    completePending(durableCount, failure);
    rebuild(e);
    return failure;
  }

  /** Completes the pending futures, the first {@code durable} with their values and the rest with {@code failure}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void completePending(int durable, JournalException failure) {
    MethodRequest[] futures = pending;
    Object[] values = pendingValues;
    int count = pendingCount;
    pendingCount = 0;
    durableCount = 0;
    for (int i = 0; i < count; i++) {
      if (i >= durable && failure != null) {
        futures[i].completeExceptionally(failure);
      } else if (values[i] instanceof Failure) {
        futures[i].completeExceptionally(((Failure) values[i]).cause);
      } else {
        futures[i].complete(values[i]);
      }
      futures[i] = null;
      values[i] = null;
    }
  }

  /** Rebuilds the receiver from what the journal holds after a failed sync. */
  private void rebuild(IOException cause) {
    try {
      Recovery.Recovered<S> recovered = Recovery.recover(journal.directory(), schema, initial, options.history());
      if (recovered.last != null) {
        recovered.last.close();
      }
      state = recovered.state;
    } catch (IOException | RuntimeException | Error e) {
      e.addSuppressed(cause);
      broken = new JournalException("after a failed sync, " + schema.receiver() + " could not be rebuilt from the journal "
          + journal.directory() + ", so the processor refuses every call; close it and open it again: " + e, e);
    }
  }

  private boolean refusedBecauseBroken(MethodRequest<?, ?> request) {
    if (broken == null) {
      return false;
    }
    request.completeExceptionally(broken);
    return true;
  }

  private boolean encode(Command<S, ?> command, MethodRequest<?, ?> request) {
    try {
      command.encodeArguments(body);
      return true;
    } catch (RuntimeException e) {
      request.completeExceptionally(new JournalException("the arguments of " + command.type().name()
          + " cannot be written to the journal, so it did not run: " + e, e));
      return false;
    }
  }

  private boolean reserve(MethodRequest<?, ?> request) {
    try {
      if (journal.reserve(body.size())) {
        durableCount = pendingCount; // the roll synced every record before
      }
      return true;
    } catch (Journal.SyncFailedException e) {
      if (syncEachTurn) {
        request.completeExceptionally(takeBackTurn(e));
      } else {
        request.completeExceptionally(new JournalException("the journal " + journal.directory() + " could not be forced"
            + " to the device before it moved to a new segment, so this call did not run: " + e.getCause(), e.getCause()));
      }
      return false;
    } catch (IOException e) {
      if (journal.unsyncedRecords() == 0) {
        durableCount = pendingCount; // the roll synced the old segment before the new one failed
      }
      request.completeExceptionally(new JournalException("the journal " + journal.directory() + " has no room for this"
          + " call's record (a new segment could not be created), so it did not run: " + e, e));
      return false;
    } catch (JournalException e) {
      request.completeExceptionally(e);
      return false;
    }
  }

  private void appendAndComplete(MethodRequest<?, ?> request, Object value) {
    if (journal == null) {
      complete(request, value);
      return;
    }
    journal.append(body);
    addPending(request, value);
  }

  /** Completes now in memory; with a journal, once every record before is durable. */
  private void finish(MethodRequest<?, ?> request, Object value) {
    if (pendingCount == 0) {
      complete(request, value);
    } else {
      addPending(request, value);
    }
  }

  /**
   * Fails {@code request} with what the receiver threw: at once when everything before it is
   * durable, otherwise only then, since the failure was decided on a state that a failed sync
   * could still take back.
   */
  private void fail(MethodRequest<?, ?> request, Throwable failure) {
    if (pendingCount == 0) {
      request.completeExceptionally(failure);
    } else {
      addPending(request, new Failure(failure));
    }
  }

  /** A pending outcome that is a failure. */
  private static final class Failure {
    final Throwable cause;

    Failure(Throwable cause) {
      this.cause = cause;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void complete(MethodRequest request, Object value) {
    request.complete(value);
  }

  private void addPending(MethodRequest<?, ?> request, Object value) {
    if (pendingCount == pending.length) {
      pending = Arrays.copyOf(pending, pendingCount * 2);
      pendingValues = Arrays.copyOf(pendingValues, pendingCount * 2);
    }
    pending[pendingCount] = request;
    pendingValues[pendingCount] = value;
    pendingCount++;
  }
}
