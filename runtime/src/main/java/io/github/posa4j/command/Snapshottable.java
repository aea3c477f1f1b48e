package io.github.posa4j.command;

/**
 * A command-processor receiver that can write its whole state as one value, so that recovery
 * starts from the newest snapshot instead of replaying the journal from the beginning, and
 * journal segments older than the snapshot can be deleted.
 *
 * <p>The receiver must also have a public constructor taking {@code S}, which recovery uses to
 * rebuild it; the annotation processor checks that it does. {@code S} must be a type posa4j can
 * encode, as for command parameters (a record is the usual choice).
 *
 * <pre>{@code
 * @CommandProcessor
 * public class Ledger implements Snapshottable<Ledger.State> {
 *   public record State(Map<String, Long> balances) {}
 *
 *   public Ledger() { ... }
 *   public Ledger(State state) { ... }
 *
 *   @Override
 *   public State snapshot() { return new State(Map.copyOf(balances)); }
 * }
 * }</pre>
 *
 * @param <S> the type of the state
 */
public interface Snapshottable<S> {

  /**
   * The receiver's state, as a value that shares nothing mutable with the receiver. Called on
   * the processor's thread between commands; it is not a command.
   */
  S snapshot();
}
