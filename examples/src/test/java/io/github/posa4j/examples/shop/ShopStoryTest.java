package io.github.posa4j.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.examples.shop.OrderService.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order service's story, run once in this JVM (the gateway's policies are the JVM's): every
 * pattern did its part, and every order is accounted for. The server's script and the sequence of
 * the story fix every figure; the one wait on time is for two slow payments to fill the bulkhead.
 */
class ShopStoryTest {
  private static ShopReport report;
  private static String story;

  @BeforeAll
  static void tellTheStory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      report = ShopStory.run(out);
    }
    story = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyOrderIsAccountedFor() {
    assertThat(report.ordersAccountedFor()).as(story).isEqualTo(ShopStory.CUSTOMERS);
    assertThat(report.orders(Outcome.PAID)).as(story).isEqualTo(7);
    assertThat(report.orders(Outcome.INVOICED)).as(story).isEqualTo(3);
    assertThat(report.orders(Outcome.PAYMENT_FAILED)).as(story).isEqualTo(1);
    assertThat(report.orders(Outcome.SOLD_OUT)).as(story).isEqualTo(1);
  }

  @Test
  void theCatalogueWasCreatedOnceAndOnlyLookupsGotThrough() {
    assertThat(report.catalogueCreations()).as(story).isEqualTo(1);
    assertThat(report.lookups()).as(story).isEqualTo(ShopStory.CUSTOMERS + 1);
    assertThat(report.updatesRefused()).as(story).isEqualTo(1);
    assertThat(story).contains("catalogue created 0 times so far").contains("-> refused: ");
  }

  @Test
  void theGuardHeldReservationsUntilCopiesCameBack() {
    assertThat(report.reservedAtOnce()).as(story).isEqualTo(ShopStory.IN_STOCK);
    assertThat(report.waitedAtGuard()).as(story).isEqualTo(ShopStory.CUSTOMERS - ShopStory.IN_STOCK);
    // four restocked, one given back by the payment the bulkhead turned away
    assertThat(report.grantedAfterWaiting()).as(story).isEqualTo(ShopStory.RESTOCKED + 1);
    assertThat(report.cancelledAtClose()).as(story).isEqualTo(1);
    assertThat(report.fewestUnitsLeft()).as(story).isZero();
    assertThat(story).contains("(pendingRequests() = 6)").doesNotContain("oversold");
  }

  @Test
  void everyEventReachedTheAuditLogAtOnceAndTheNotifierAfterItsMailServerCameBack() {
    int events = ShopStory.CUSTOMERS + 10 + 2; // placed; shipped (paid or invoiced); cancelled
    assertThat(report.auditLines()).as(story).isEqualTo(events);
    assertThat(report.emailsSentWhileDown()).as(story).isZero();
    assertThat(report.emailsSent()).as(story).isEqualTo(events);
  }

  @Test
  void paymentsWereRetriedTimedOutAndTheBreakerOpenedAndClosed() {
    assertThat(report.retries()).as(story).isEqualTo(4);
    assertThat(report.timeouts()).as(story).isEqualTo(1);
    assertThat(report.breakerOpened()).as(story).isEqualTo(1);
    assertThat(report.breakerClosed()).as(story).isEqualTo(1);
    assertThat(report.rejectedByBreaker()).as(story).isEqualTo(3);
    assertThat(report.fallbacks()).as(story).isEqualTo(3);
    assertThat(report.serverRequests()).as(story).isEqualTo(11);
    assertThat(story).contains("breaker CLOSED -> OPEN").contains("breaker HALF_OPEN -> CLOSED");
  }

  @Test
  void theBulkheadTurnedAwayTheThirdPaymentInFlight() {
    assertThat(report.rejectedByBulkhead()).as(story).isEqualTo(1);
    assertThat(story).contains("in flight: 2 of 2 slots of the bulkhead")
        .contains("cancelled, its copy back in stock: BulkheadFullException");
  }
}
