package io.github.posa4j.command.internal;

/**
 * The points at which every command processor reports the calls it runs and the syncs of its
 * journal, for an observability binding such as posa4j's Flight Recorder events; like
 * {@link io.github.posa4j.active.internal.ActiveObjectProbe} it is called for every command, so it
 * must cost next to nothing while nobody listens. Installed once, through
 * {@link io.github.posa4j.internal.ObserverProvider}; observers of whole processors implement
 * {@link CommandProcessorObserver} instead.
 *
 * <p>A call is a command, an undo, a redo or a macro; read-only calls and snapshots are not
 * reported here (a snapshot's sync is). A sync is one the processor's thread makes: at the end of
 * a turn of a {@link io.github.posa4j.command.Durability#SYNC} journal, when a full segment rolls
 * over, before a snapshot; the background syncs of an {@code ASYNC} journal are not reported.
 */
public interface CommandProbe {
  /** {@link #commandEnds Outcome}: a command ran (its record may still wait for its sync). */
  String OK = "ok";
  /** Outcome: the call threw, or was refused before it ran; the failure says why. */
  String FAILED = "failed";
  /** Outcome: an undo reverted a step. */
  String UNDO = "undo";
  /** Outcome: a redo ran an undone step again. */
  String REDO = "redo";
  /** Outcome: the commands of a macro ran, as one step. */
  String MACRO = "macro";

  /** The probe of a runtime without observability: it reports nothing. */
  CommandProbe NONE = new CommandProbe() {};

  /**
   * Called before a call runs, on the processor's thread: a handle to pass to
   * {@link #commandEnds}, or {@code null} when nobody takes command reports. Must not allocate or
   * read a clock in that case.
   */
  default Object commandStarts() {
    return null;
  }

  /**
   * Called after a call ran on {@code processor}, with the non-null handle {@link #commandStarts()}
   * gave: {@code command} names what ran (a command's name; {@code undo <step>}, {@code redo <step>}
   * or {@code macro of <n> commands}), {@code outcome} is {@link #OK}, {@link #UNDO}, {@link #REDO},
   * {@link #MACRO} or, with a non-null {@code failure}, {@link #FAILED}.
   */
  default void commandEnds(Object started, String processor, String command, String outcome, Throwable failure) {}

  /**
   * Called before the processor's thread forces records to the device: a handle to pass to
   * {@link #syncEnds}, or {@code null} when nobody takes sync reports. Must not allocate or read a
   * clock in that case.
   */
  default Object syncStarts() {
    return null;
  }

  /**
   * Called after the sync begun by {@link #syncStarts()}, whose non-null handle is {@code started}:
   * it forced {@code records} records of {@code bytes} bytes of {@code processor}'s journal, or
   * {@code failed} (those records were then taken back).
   */
  default void syncEnds(Object started, String processor, long records, long bytes, boolean failed) {}
}
