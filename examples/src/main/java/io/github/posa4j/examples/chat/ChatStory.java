package io.github.posa4j.examples.chat;

import io.github.posa4j.net.Acceptor;
import io.github.posa4j.net.NetOptions;
import io.github.posa4j.net.Proactor;
import io.github.posa4j.net.Reactor;
import io.github.posa4j.net.Transport;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.nio.channels.SocketChannel;

/**
 * The demo's chat part, once per transport: alice talks, bob and carol listen, and dave connects
 * and never reads. Dave's write queue on the server fills, so alice is held back until dave is
 * disconnected two seconds later; bob and carol hear every line, in order, all along.
 */
public final class ChatStory {
  private static final int LINES = 5_000;

  private ChatStory() {}

  /** Runs the part on the Reactor and then on the Proactor. */
  public static ChatReport[] run(PrintStream out) throws Exception {
    return new ChatReport[] {
        runOn(out, "Reactor", Reactor.open(options("chat-reactor"))),
        runOn(out, "Proactor", Proactor.open(options("chat-proactor")))
    };
  }

  private static NetOptions options(String name) {
    return NetOptions.builder().name(name).threads(2).writeQueueBytes(64 << 10).build();
  }

  private static ChatReport runOn(PrintStream out, String name, Transport transport) throws Exception {
    try (transport; ChatRoom room = new ChatRoom(Duration.ofSeconds(2))) {
      Acceptor server = transport.bind(new InetSocketAddress("127.0.0.1", 0), room.members());
      try (ChatClient alice = ChatClient.join(transport, server.address());
          ChatClient bob = ChatClient.join(transport, server.address());
          ChatClient carol = ChatClient.join(transport, server.address());
          SocketChannel dave = SocketChannel.open()) {
        dave.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 10);
        dave.connect(server.address());
        awaitMembers(room, 4);
        out.println("   on the " + name + ": alice says " + LINES + " lines of 2 KiB to bob, carol and dave, who never"
            + " reads; the server queues at most 64 KiB for each, holds alice back while one is behind, and"
            + " disconnects one still behind after 2 s");
        String padding = "-".repeat(2_000);
        for (int i = 0; i < LINES; i++) {
          while (!alice.say("line " + i + " " + padding)) {
            Thread.onSpinWait(); // alice's own queue is full for a moment: she waits for it
          }
        }
        boolean inOrder = heardAll(bob) & heardAll(carol);
        boolean disconnected = room.disconnected() == 1;
        out.println("   bob and carol heard " + (inOrder ? "every line, in order" : "NOT every line")
            + "; dave was " + (room.disconnected() == 1 ? "disconnected after 2 s behind" : "NOT disconnected"));
        return new ChatReport(name, LINES, inOrder, disconnected, room.relayed());
      }
    }
  }

  private static boolean heardAll(ChatClient member) throws InterruptedException {
    for (int i = 0; i < LINES; i++) {
      String line = member.hear(30);
      if (line == null || !line.startsWith("line " + i + " ")) {
        return false;
      }
    }
    return true;
  }

  private static void awaitMembers(ChatRoom room, int members) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (room.size() < members && System.nanoTime() - deadline < 0) {
      Thread.sleep(1);
    }
  }
}
