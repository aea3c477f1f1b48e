package io.github.posa4j.examples.shop;

import io.github.posa4j.examples.shop.OrderService.Outcome;
import java.util.List;
import java.util.Map;

/**
 * What the {@link ShopStory} came to, pattern by pattern: the figures of the demo's summary table.
 *
 * @param catalogueCreations how often the lazy catalogue proxy created the catalogue
 * @param lookups calls the catalogue's access policy let through
 * @param updatesRefused calls it refused
 * @param reservedAtOnce reservations granted as the orders came in
 * @param waitedAtGuard reservations that waited at the inventory's guard
 * @param grantedAfterWaiting of those, the ones granted later (restock, or a unit given back)
 * @param cancelledAtClose of those, the ones the inventory's {@code close()} cancelled
 * @param fewestUnitsLeft the fewest units left after any reservation; never negative when the guard holds
 * @param auditLines lines of the synchronous audit log
 * @param emailsSentWhileDown e-mails the asynchronous notifier sent before its mail server came back
 * @param emailsSent e-mails it sent in all
 * @param serverRequests requests that reached the payment server
 * @param retries retries of payments
 * @param timeouts payment attempts cut short by the timeout
 * @param breakerOpened how often the breaker opened
 * @param breakerClosed how often it closed again
 * @param rejectedByBreaker attempts the open breaker turned away
 * @param rejectedByBulkhead attempts the full bulkhead turned away
 * @param fallbacks payments answered by the fallback
 * @param outcomes how many orders ended each way
 */
public record ShopReport(
    int catalogueCreations, int lookups, int updatesRefused,
    int reservedAtOnce, int waitedAtGuard, int grantedAfterWaiting, int cancelledAtClose, int fewestUnitsLeft,
    int auditLines, int emailsSentWhileDown, int emailsSent,
    int serverRequests, int retries, int timeouts, int breakerOpened, int breakerClosed,
    int rejectedByBreaker, int rejectedByBulkhead, int fallbacks,
    Map<Outcome, Integer> outcomes) {

  /** Copies the outcomes. */
  public ShopReport {
    outcomes = Map.copyOf(outcomes);
  }

  /** How many orders ended {@code outcome}. */
  public int orders(Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0);
  }

  /** How many orders were placed and ended one way or another. */
  public int ordersAccountedFor() {
    return outcomes.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The summary table's rows for this part of the demo: what each pattern did. */
  public List<List<String>> rows() {
    return List.of(
        List.of("@Proxy catalogue", "created on its first call (" + catalogueCreations + " creation); "
            + lookups + " lookups let through, " + updatesRefused + " update refused"),
        List.of("@ActiveObject inventory", reservedAtOnce + " reservations granted at once, " + waitedAtGuard
            + " waited at the guard: " + grantedAfterWaiting + " granted later, " + cancelledAtClose
            + " cancelled at close; fewest copies left: " + fewestUnitsLeft),
        List.of("@Publisher order events", auditLines + " events: " + auditLines + " audit lines at once (synchronous), "
            + emailsSent + " e-mails (asynchronous, " + emailsSentWhileDown + " while the mail server was down)"),
        List.of("@Retry @Timeout", retries + " retries, " + timeouts + " timeout"
            + (timeouts == 1 ? "" : "s") + "; " + serverRequests + " requests reached the payment server"),
        List.of("@CircuitBreaker @Fallback", "opened " + breakerOpened + ", closed " + breakerClosed + "; "
            + rejectedByBreaker + " attempts rejected while open; " + fallbacks + " orders invoiced instead"),
        List.of("@Bulkhead(2)", rejectedByBulkhead + " payment turned away while 2 were in flight"),
        List.of("orders", ordersAccountedFor() + " of " + ShopStory.CUSTOMERS + " accounted for: "
            + orders(Outcome.PAID) + " paid, " + orders(Outcome.INVOICED) + " invoiced, "
            + orders(Outcome.PAYMENT_FAILED) + " cancelled (payment), " + orders(Outcome.SOLD_OUT)
            + " cancelled (sold out)"));
  }
}
