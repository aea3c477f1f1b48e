package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * A command processor ran a command, an undo, a redo or a macro; the event's duration is the
 * processor's work on it (running it on the receiver and writing its record), not the sync that
 * makes the record durable, which is a {@link JournalSyncEvent}: {@code io.github.posa4j.Command}.
 * Calls shorter than the threshold (1 ms unless the recording's settings say otherwise) are left
 * out, since a processor may run hundreds of thousands a second. No stack trace: it would always
 * show the processor's loop.
 */
@Name("io.github.posa4j.Command")
@Label("Command")
@Description("A command processor ran a command, an undo, a redo or a macro")
@Category({"posa4j", "Command Processor"})
@Threshold("1 ms")
@StackTrace(false)
final class CommandEvent extends Event {
  @Label("Processor")
  @Description("The name of the command processor")
  String processor;

  @Label("Command")
  @Description("What ran: the command's name, such as post; undo or redo and the step, such as undo post;"
      + " or macro of n commands")
  String command;

  @Label("Outcome")
  @Description("ok: a command ran; undo, redo, macro: that call did; failed: it threw, or was refused before it ran")
  String outcome;

  @Label("Failure Class")
  @Description("The class of the exception the call failed with, if it failed")
  String failureClass;

  @Label("Failure Message")
  @Description("The message of that exception")
  String failureMessage;
}
