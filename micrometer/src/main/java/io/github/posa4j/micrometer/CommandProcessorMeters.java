package io.github.posa4j.micrometer;

import io.github.posa4j.command.internal.CommandProcessorObserver;
import io.github.posa4j.command.internal.CommandRunner;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the meters of each command processor as it opens and removes them when it closes, on
 * one {@link MeterRegistry}; see the table in {@link Posa4jMetrics}. Holds processors only weakly,
 * as {@link ActiveObjectMeters} holds active objects: an unclosed one that nobody references can
 * still be collected (its gauges then read NaN until another processor of its name opens, or this
 * binding closes).
 */
final class CommandProcessorMeters implements CommandProcessorObserver {
  static final String PENDING = "posa4j.command.pending";
  static final String UNDO_DEPTH = "posa4j.command.undo.depth";
  static final String REDO_DEPTH = "posa4j.command.redo.depth";
  static final String JOURNAL_BYTES = "posa4j.journal.bytes";
  static final String DURABLE_RECORDS = "posa4j.journal.durable.records";

  private final MetersByName<CommandRunner<?>> meters;

  CommandProcessorMeters(MeterRegistry registry) {
    this.meters = new MetersByName<>("a command processor", registry);
  }

  @Override
  public void opened(CommandRunner<?> processor) {
    meters.bind(processor.name(), processor, CommandProcessorMeters::register);
  }

  @Override
  public void closed(CommandRunner<?> processor) {
    meters.unbind(processor.name(), processor);
  }

  /** Removes every meter registered here and registers none from now on. */
  void close() {
    meters.close();
  }

  private static List<Meter> register(CommandRunner<?> processor, MeterRegistry registry) {
    Tags tags = Tags.of(ActiveObjectMeters.NAME_TAG, processor.name());
    List<Meter> meters = new ArrayList<>();
    meters.add(Gauge.builder(PENDING, processor, CommandRunner::pendingRequests)
        .tags(tags)
        .description("Calls queued in the command processor, not counting the one running")
        .register(registry));
    meters.add(Gauge.builder(UNDO_DEPTH, processor, CommandRunner::undoDepth)
        .tags(tags)
        .description("Steps an undo can go back now")
        .register(registry));
    meters.add(Gauge.builder(REDO_DEPTH, processor, CommandRunner::redoDepth)
        .tags(tags)
        .description("Undone steps a redo can run again now")
        .register(registry));
    if (processor.options().journal().isPresent()) {
      meters.add(FunctionCounter.builder(JOURNAL_BYTES, processor, CommandRunner::journalBytes)
          .tags(tags)
          .baseUnit("bytes")
          .description("Bytes of records the command processor wrote to its journal since it opened")
          .register(registry));
      meters.add(Gauge.builder(DURABLE_RECORDS, processor, CommandRunner::durableRecords)
          .tags(tags)
          .baseUnit("records")
          .description("Records of the journal known to be on the storage device, counted from its first")
          .register(registry));
    }
    return List.copyOf(meters);
  }
}
