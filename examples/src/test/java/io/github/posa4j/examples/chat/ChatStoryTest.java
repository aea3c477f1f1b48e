package io.github.posa4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatStoryTest {
  @Test
  void onBothTransportsTheListenersHearEverythingAndTheLaggardIsDisconnected() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ChatReport[] reports = ChatStory.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(reports).extracting(ChatReport::transport).containsExactly("Reactor", "Proactor");
    for (ChatReport report : reports) {
      assertThat(report.heardInOrder()).as("%s: every line heard in order", report.transport()).isTrue();
      assertThat(report.laggardDisconnected()).as("%s: the member that never read was disconnected", report.transport())
          .isTrue();
      assertThat(report.relayed()).as("%s: lines relayed", report.transport()).isGreaterThanOrEqualTo(2L * report.lines());
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("on the Reactor").contains("on the Proactor");
  }
}
