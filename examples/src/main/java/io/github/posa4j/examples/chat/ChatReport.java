package io.github.posa4j.examples.chat;

import java.util.List;

/**
 * What one run of the chat part saw.
 *
 * @param transport {@code Reactor} or {@code Proactor}
 * @param lines lines said in the room
 * @param heardInOrder whether every listening member heard every line, in order
 * @param laggardDisconnected whether the member that never read was disconnected
 * @param relayed lines the server sent on
 */
public record ChatReport(String transport, int lines, boolean heardInOrder, boolean laggardDisconnected, long relayed) {

  /** The demo's summary row. */
  public List<String> row() {
    return List.of("chat room on the " + transport, lines + " lines " + (heardInOrder ? "heard in order" : "NOT all heard")
        + " by 2 members; the one that never read " + (laggardDisconnected ? "was disconnected" : "was NOT disconnected")
        + "; " + relayed + " lines relayed");
  }
}
