package io.github.posa4j.observe;

import io.github.posa4j.command.internal.CommandProbe;

/**
 * The probe through which command processors emit their Flight Recorder events,
 * {@code io.github.posa4j.Command} and {@code io.github.posa4j.JournalSync} (see
 * {@link FlightRecorderEvents}); {@link StandardObservers} installs it.
 *
 * <p>While no recording takes these events, {@link #commandStarts()} costs each call one read of a
 * static volatile boolean (whether Flight Recorder has been initialised at all) and, once it has, a
 * few loads of the event type's state; it allocates nothing and reads no clock. The same holds for
 * {@link #syncStarts()}.
 */
final class CommandEvents implements CommandProbe {
  static final CommandProbe INSTANCE = new CommandEvents();

  private CommandEvents() {}

  @Override
  public Object commandStarts() {
    return Jfr.initialized() ? CommandRecorder.commandStarts() : null;
  }

  @Override
  public void commandEnds(Object started, String processor, String command, String outcome, Throwable failure) {
    CommandRecorder.commandEnds(started, processor, command, outcome, failure);
  }

  @Override
  public Object syncStarts() {
    return Jfr.initialized() ? CommandRecorder.syncStarts() : null;
  }

  @Override
  public void syncEnds(Object started, String processor, long records, long bytes, boolean failed) {
    CommandRecorder.syncEnds(started, processor, records, bytes, failed);
  }

  @Override
  public String toString() {
    return "posa4j Flight Recorder events of command processors";
  }
}
