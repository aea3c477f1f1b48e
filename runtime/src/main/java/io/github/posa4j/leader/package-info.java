/**
 * Leader Election: of the members of an election (processes of one application, usually), at
 * most one leads at any instant, and each leadership carries an epoch (a fencing token) greater
 * than every earlier one's.
 *
 * <p>{@link io.github.posa4j.leader.LeaderElection#join(String, String)} joins an election whose
 * lease lives in a store named by a URL: a PostgreSQL table ({@code jdbc:postgresql://...}, in
 * the runtime, through {@code java.sql} only; the application supplies the JDBC driver) or, with
 * {@code posa4j-zookeeper}, ZooKeeper ({@code zookeeper://host:port/path}). Other stores plug in
 * through {@link io.github.posa4j.leader.LeaseStoreProvider}.
 *
 * <p>What is guaranteed, and what is not:
 * <ul>
 *   <li>A member leads only until its own deadline on its monotonic clock: the moment it asked
 *       the store for the lease, plus the lease, minus a tenth of it. The store's lease runs from
 *       a later moment by the store's clock, so the old leader has stopped leading before anyone
 *       else can take the lease, as long as the two clocks run at rates within 10 % of each other.
 *   <li>A member that cannot reach its store keeps leading only until that deadline.
 *   <li>Every leadership's epoch is greater than every earlier leadership's, of any member.
 *   <li>A call admitted while leading may still be running after the deadline (a pause of the
 *       whole process, by the garbage collector or {@code SIGSTOP}, can stretch any call); what it
 *       writes must carry {@link io.github.posa4j.leader.Leadership#epoch()} to a store that turns
 *       away an epoch lower than the highest it has seen. The README shows such a table.
 *   <li>After a leader dies, another member leads within one lease plus one renewal interval (a
 *       third of the lease).
 * </ul>
 */
package io.github.posa4j.leader;
