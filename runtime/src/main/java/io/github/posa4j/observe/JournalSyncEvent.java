package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A command processor forced the new records of its journal to the device; the event lasts as long
 * as the sync: {@code io.github.posa4j.JournalSync}. A {@code SYNC} journal syncs at the end of each
 * turn of its queue, all the records of the turn at once (group commit); any journal syncs when a
 * full segment rolls over and before a snapshot. The background syncs of an {@code ASYNC} journal
 * are not events. No threshold: a sync costs far more than the event.
 */
@Name("io.github.posa4j.JournalSync")
@Label("Journal Sync")
@Description("A command processor forced the new records of its journal to the storage device")
@Category({"posa4j", "Command Processor"})
@StackTrace(false)
final class JournalSyncEvent extends Event {
  @Label("Processor")
  @Description("The name of the command processor")
  String processor;

  @Label("Records")
  @Description("The records the sync made durable: those appended since the previous one")
  long records;

  @Label("Bytes")
  @Description("The bytes of those records, record headers included")
  @DataAmount(DataAmount.BYTES)
  long bytes;

  @Label("Failed")
  @Description("Whether the sync failed; the processor then took those records back and failed their calls")
  boolean failed;
}
