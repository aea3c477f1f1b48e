package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class the servant of an <b>Active Object</b> (POSA2): the annotation processor generates
 * {@code <Name>ActiveObject}, a proxy whose methods turn each call into a method request on a
 * queue, run one at a time by a scheduler, and answer through a {@code CompletableFuture}.
 *
 * <p>The servant is written as plain single-threaded code: at most one of its methods runs at a
 * time and each request happens-before the next. Use {@link Guard} on a method whose requests must
 * wait for a condition of the servant.
 *
 * <p>The servant must be a concrete class that is neither final (posa4j keeps the freedom to
 * subclass servants in generated code without breaking existing ones) nor private. Each of its
 * public instance methods, inherited ones included and {@code Object}'s excluded, becomes a
 * method of the active object returning a {@code CompletableFuture}; none may be named
 * {@code start}, {@code close}, {@code shutdownNow} or {@code pendingRequests}, which the active
 * object uses for its lifecycle.
 *
 * <pre>{@code
 * @ActiveObject
 * class Account {
 *   long balance;
 *   public void deposit(long amount) { balance += amount; }
 *   public long balance() { return balance; }
 * }
 *
 * AccountActiveObject account = AccountActiveObject.start(new Account());
 * account.deposit(100);                         // returns CompletableFuture<Void> at once
 * long balance = account.balance().join();      // 100
 * account.close();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActiveObject {}
