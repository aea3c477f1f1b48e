package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class the receiver of a Command Processor (POSA1): posa4j generates
 * {@code <Name>Commands}, which turns each call of a public method into a command that is queued,
 * run on the receiver one at a time, written to a journal, and can be undone and redone.
 *
 * <p>The receiver is plain single-threaded code. Its public instance methods are the commands,
 * except those marked {@link ReadOnly}. A command must be deterministic (time and randomness come
 * in as parameters), since recovery runs it again on a fresh receiver, and a command that throws
 * must leave the receiver unchanged: validate before you mutate. Parameters and results of
 * commands must have a type posa4j can encode (see the README's list); anything else is a
 * compile error on the parameter.
 *
 * <pre>{@code
 * @CommandProcessor
 * public class Ledger {
 *   @Undo("unpost")
 *   public long post(String account, long cents) { ... }
 *
 *   public void unpost(String account, long cents, long balanceAfter) { ... }
 *
 *   @ReadOnly
 *   public long balance(String account) { ... }
 * }
 *
 * LedgerCommands ledger = LedgerCommands.open(Ledger::new, CommandOptions.builder()
 *     .journal(Path.of("ledger")).build());
 * ledger.post("alice", 1_000).join();   // durable once the future completes
 * ledger.undo().join();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CommandProcessor {}
