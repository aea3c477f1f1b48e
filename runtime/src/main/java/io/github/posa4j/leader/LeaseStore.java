package io.github.posa4j.leader;

import java.time.Duration;

/**
 * Where the members of one election take and renew its lease: a row of a PostgreSQL table, a
 * node in ZooKeeper. One store serves one member of one election, and only that election's own
 * thread calls it, one call at a time. Implement it, with a {@link LeaseStoreProvider}, to elect
 * leaders on another engine.
 *
 * <p>The contract every store keeps: {@link #acquire} grants the lease to at most one member at a
 * time, for at least {@code lease} from a moment after the call began (by the store's clock), and
 * numbers each leadership with an epoch greater than every earlier one's. A leadership continues
 * (same epoch) only while the member renews it without a gap and still leads when it asks.
 *
 * <p>Each call should return or throw within a third of the lease (the renewal interval): the
 * election's thread waits for it.
 */
public interface LeaseStore extends AutoCloseable {

  /**
   * Takes the lease, or renews it if this member holds it.
   *
   * @param lease how long the lease lasts from now, by the store's clock
   * @param heldEpoch the epoch this member still leads with, to continue that leadership; or 0
   *     when it does not lead now (it never did, or its own deadline passed), in which case a
   *     lease it still holds in the store begins a new leadership, with a greater epoch
   * @return the epoch of this member's leadership, at least 1; or {@code 0} when another member
   *     holds the lease
   * @throws Exception when the store could not be asked (the election tries again later)
   */
  long acquire(Duration lease, long heldEpoch) throws Exception;

  /**
   * Gives the lease up, so that another member may take it at once; nothing when this member
   * does not hold it.
   *
   * @throws Exception when the store could not be told (the lease then runs out by itself)
   */
  void release() throws Exception;

  /** Releases what the store holds (connections, sessions). Must not throw. */
  @Override
  void close();
}
