package io.github.posa4j.micrometer;

import io.github.posa4j.resilience.BulkheadView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/** The meters of one bulkhead; see the table in {@link Posa4jMetrics}. */
final class BulkheadMeters {
  static final String IN_USE = "posa4j.bulkhead.in.use";
  static final String WAITING = "posa4j.bulkhead.waiting";
  static final String MAX_CONCURRENT = "posa4j.bulkhead.max.concurrent";
  static final String REJECTED = "posa4j.bulkhead.rejected";

  private BulkheadMeters() {}

  /** Registers the meters of {@code bulkhead}, tagged with {@code tags}, and returns them. */
  static List<Meter> register(BulkheadView bulkhead, Tags tags, MeterRegistry registry) {
    return List.of(
        Gauge.builder(IN_USE, bulkhead, BulkheadView::inUse)
            .tags(tags)
            .description("Calls running inside the bulkhead now")
            .register(registry),
        Gauge.builder(WAITING, bulkhead, BulkheadView::waiting)
            .tags(tags)
            .description("Asynchronous calls waiting for a bulkhead slot now")
            .register(registry),
        Gauge.builder(MAX_CONCURRENT, bulkhead, BulkheadView::maxConcurrent)
            .tags(tags)
            .description("How many calls the bulkhead lets run at once")
            .register(registry),
        FunctionCounter.builder(REJECTED, bulkhead, BulkheadView::rejectedCalls)
            .tags(tags)
            .description("Calls the bulkhead rejected because every slot (and its queue) was taken")
            .register(registry));
  }
}
