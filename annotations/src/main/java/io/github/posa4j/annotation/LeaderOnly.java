package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * <b>Leader only</b> (POSA2 Leader Election): a call runs only while this process leads the
 * election named {@link #value()}; otherwise it fails with {@code NotLeaderException} (package
 * {@code io.github.posa4j.leader}) without running the method, so that a {@link Fallback} can
 * answer instead.
 *
 * <p>The election is joined on the first call, at the store configured under
 * {@code posa4j.election.<name>.url} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/app}), unless
 * this process already is a member; {@code posa4j.election.<name>.lease} sets the lease in
 * milliseconds. Each call is checked once, against the lease this process renews in the
 * background: the check does no I/O.
 *
 * <p>It nests inside {@link Fallback} and around every other policy:
 * {@code Fallback(LeaderOnly(Retry(CircuitBreaker(Timeout(Bulkhead(call))))))}. A refused call is
 * never retried and never counts for the circuit breaker; the retries of an admitted call run
 * under the leadership it was admitted with. While the call runs, {@code Leadership.epoch()}
 * (package {@code io.github.posa4j.leader}) returns that leadership's epoch, a fencing token to
 * pass with every write the call makes.
 *
 * <p>On a method it guards that method; on a type it guards every public method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface LeaderOnly {

  /** The name of the election, e.g. {@code "billing"}; not empty. */
  String value();
}
