package io.github.posa4j.observe;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.internal.CommandProcessorObserver;
import io.github.posa4j.command.internal.CommandRunner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

/** The JMX face of one command processor, and the observer that registers and unregisters them. */
final class CommandProcessorJmx implements CommandProcessorMXBean {
  private final CommandRunner<?> processor;

  CommandProcessorJmx(CommandRunner<?> processor) {
    this.processor = processor;
  }

  /**
   * Registers each processor that opens, and unregisters it when it closes. Only its own MBean:
   * of two processors of one name, the second is not registered, and its close leaves the first
   * one's MBean alone.
   */
  static CommandProcessorObserver registrar() {
    Map<CommandRunner<?>, ObjectName> registered = new ConcurrentHashMap<>();
    return new CommandProcessorObserver() {
      @Override
      public void opened(CommandRunner<?> processor) {
        ObjectName name = Jmx.name("CommandProcessor", processor.name());
        if (Jmx.register(name, new CommandProcessorJmx(processor))) {
          registered.put(processor, name);
        }
      }

      @Override
      public void closed(CommandRunner<?> processor) {
        ObjectName name = registered.remove(processor);
        if (name != null) {
          Jmx.unregister(name);
        }
      }
    };
  }

  @Override
  public String getName() {
    return processor.name();
  }

  @Override
  public int getQueueLength() {
    return processor.pendingRequests();
  }

  @Override
  public long getJournalBytes() {
    return processor.journalBytes();
  }

  @Override
  public long getLastDurableRecord() {
    return processor.durableRecords() - 1;
  }

  @Override
  public int getUndoDepth() {
    return processor.undoDepth();
  }

  @Override
  public int getRedoDepth() {
    return processor.redoDepth();
  }

  @Override
  public String getDurability() {
    CommandOptions options = processor.options();
    return options.journal().isPresent() ? options.durability().name() : "IN_MEMORY";
  }

  @Override
  public String getJournalDirectory() {
    return processor.options().journal().map(directory -> directory.toAbsolutePath().toString()).orElse(null);
  }

  @Override
  public boolean isClosed() {
    return processor.isClosed();
  }
}
