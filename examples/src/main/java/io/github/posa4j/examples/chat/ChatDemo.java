package io.github.posa4j.examples.chat;

/**
 * The chat room alone ({@code java -cp ... io.github.posa4j.examples.chat.ChatDemo}): a server on
 * the Reactor and then on the Proactor, three members who listen and talk, and one who never reads.
 */
public final class ChatDemo {
  private ChatDemo() {}

  public static void main(String[] args) throws Exception {
    for (ChatReport report : ChatStory.run(System.out)) {
      System.out.println("   " + String.join(" | ", report.row()));
    }
  }
}
