package io.github.posa4j.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo tells its story: nothing waits for the slow mailer, close() drains, errors are isolated. */
class OrderEventsDemoTest {

  @Test
  void theDemoTellsItsStory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OrderEventsDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String story = bytes.toString(StandardCharsets.UTF_8);

    assertThat(story)
        .contains("1. OrderEventsPublisher[orders, 4 subscriptions]")
        .contains("2. Published 300 events while the mail server was not answering:")
        .contains("the audit log already has 300 lines (first: placed order-1)")
        .contains("the e-mail notifier has sent 0 e-mails")
        .contains("refunds listened to with a lambda: 22100 cents")
        .contains("the loyalty listener failed 1 time, on orderPlaced(order-13): no loyalty account for customer13@example.com")
        .contains("3. close() waited for the e-mail queue: 300 e-mails sent, 0 waiting, subscription active: false")
        .contains("4. Publishing after close(): the publisher orders is closed, so it cannot publish events");
    assertThat(story).containsPattern("the others wait in its own queue \\((299|300) queued\\)");
  }
}
