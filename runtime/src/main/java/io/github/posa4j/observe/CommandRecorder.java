package io.github.posa4j.observe;

/**
 * Emits the events of command processors. Loaded only once Flight Recorder is initialised
 * ({@link Jfr}); whether an event is recorded is asked of a shared instance, as
 * {@link ActiveObjectRecorder} explains, so the question allocates nothing.
 */
final class CommandRecorder {
  private static final CommandEvent COMMANDS = new CommandEvent();
  private static final JournalSyncEvent SYNCS = new JournalSyncEvent();

  private CommandRecorder() {}

  /** A started command event if a recording takes it, else {@code null}. */
  static Object commandStarts() {
    if (!COMMANDS.isEnabled()) {
      return null;
    }
    CommandEvent event = new CommandEvent();
    event.begin();
    return event;
  }

  /** Ends {@code started}, and commits it with these fields if it lasted at least its threshold. */
  static void commandEnds(Object started, String processor, String command, String outcome, Throwable failure) {
    CommandEvent event = (CommandEvent) started;
    event.end();
    if (event.shouldCommit()) {
      event.processor = processor;
      event.command = command;
      event.outcome = outcome;
      if (failure != null) {
        event.failureClass = failure.getClass().getName();
        event.failureMessage = failure.getMessage();
      }
      event.commit();
    }
  }

  /** A started sync event if a recording takes it, else {@code null}. */
  static Object syncStarts() {
    if (!SYNCS.isEnabled()) {
      return null;
    }
    JournalSyncEvent event = new JournalSyncEvent();
    event.begin();
    return event;
  }

  /** Ends {@code started}, and commits it with these fields if it lasted at least its threshold. */
  static void syncEnds(Object started, String processor, long records, long bytes, boolean failed) {
    JournalSyncEvent event = (JournalSyncEvent) started;
    event.end();
    if (event.shouldCommit()) {
      event.processor = processor;
      event.records = records;
      event.bytes = bytes;
      event.failed = failed;
      event.commit();
    }
  }
}
