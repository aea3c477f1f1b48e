package io.github.posa4j.zookeeper;

import io.github.posa4j.leader.LeaseStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;

/**
 * The lease of an election in ZooKeeper, for one member. Under {@code <path>/<election>}:
 *
 * <ul>
 *   <li>{@code members/}: one ephemeral sequential node per member session (see
 *       {@link MemberLine}); the member whose node is first in line leads. The node lives as long
 *       as the session, whose timeout is the lease: a member that dies or pauses keeps its node,
 *       and so the lead, until the server expires its session, a lease after its last request;
 *   <li>{@code epoch}: a persistent node that each new leadership modifies. The epoch of a
 *       leadership is the zxid of that modification (its {@code mzxid}), which ZooKeeper makes
 *       greater than every earlier transaction's: epochs grow with every leadership, even when
 *       the node is deleted and created again, but not by one (and by 2<sup>32</sup> when the
 *       ensemble elects a new ZooKeeper leader). Its data names the member that began the latest
 *       leadership.
 * </ul>
 *
 * <p>A leadership begins in one transaction that checks that this member's node still exists and
 * modifies {@code epoch}: a member whose session expired while it was asking cannot take an epoch
 * after its successor's. Since sequence numbers only grow, a node that was first in line and
 * still exists is still first. A leadership continues (same epoch) while the member asks again
 * with it, its node is the same, and still first; after a gap ({@code heldEpoch} 0) a new one begins.
 *
 * <p>Every {@link #acquire} syncs with the ZooKeeper leader and lists the line, after the
 * election noted when it asked: the server expires the session no sooner than a lease after that
 * request, so this member stops leading (a tenth of the lease before) while its node still
 * stands. In an ensemble this holds while the server a member talks to hands its session renewals
 * on to the ZooKeeper leader; a follower cut off from the leader may lose a few ticks of them
 * before it drops its clients, one more reason why writes must carry the epoch.
 *
 * <p>The Curator client is made on the first {@link #acquire}, which is when the lease, its
 * session timeout, is known. Every call waits at most a third of the lease, but for those before
 * the client's first connection, which wait at most the lease.
 */
final class ZooKeeperLeaseStore implements LeaseStore {
  private final ZooKeeperUrl url;
  private final String memberId;
  private final byte[] memberData;
  private final String membersPath;
  private final String epochPath;
  private final List<String> pathsToCreate;
  private SessionClient client;
  private boolean pathsCreated;
  /** The leadership this member began last and has not lost since, or {@code null}. */
  private Leadership leadership;

  /** A leadership: the node that was first in line when it began, and its epoch. */
  private record Leadership(String node, long epoch) {}

  ZooKeeperLeaseStore(String election, ZooKeeperUrl url, String memberId) {
    this.url = url;
    this.memberId = memberId;
    this.memberData = memberId.getBytes(StandardCharsets.UTF_8);
    String electionPath = url.electionPath(election);
    this.membersPath = electionPath + "/members";
    this.epochPath = electionPath + "/epoch";
    this.pathsToCreate = pathsTo(electionPath, List.of(membersPath, epochPath));
  }

  @Override
  public long acquire(Duration lease, long heldEpoch) throws Exception {
    try {
      return lead(lease, heldEpoch);
    } catch (KeeperException e) {
      throw named(e);
    }
  }

  private long lead(Duration lease, long heldEpoch) throws Exception {
    SessionClient session = client(lease);
    // A client's first connection may take the whole lease: loading and starting Curator and ZooKeeper's
    // client in a fresh JVM takes longer than a third of a short lease, and a member not yet connected
    // cannot lead, so waiting longer delays only its first answer.
    long deadline = System.nanoTime() + (session.hasConnected() ? callNanos(lease) : lease.toNanos());
    BoundedCalls calls = session.connected(deadline);
    if (!pathsCreated) {
      calls.createMissing(pathsToCreate);
      pathsCreated = true;
    }
    MemberLine line = line(calls);
    String own = line.own();
    if (own == null) {
      calls.create(membersPath + "/" + MemberLine.namePrefix(calls.sessionId()), memberData,
          CreateMode.EPHEMERAL_SEQUENTIAL);
      // Listed again, not assumed first: a node created meanwhile by another member may be ahead of it.
      line = line(calls);
      own = line.own();
    }
    line.extraOwn().forEach(extra -> calls.deleteLater(membersPath + "/" + extra));
    if (own == null || !own.equals(line.first())) {
      leadership = null;
      return 0;
    }
    Leadership held = leadership;
    if (heldEpoch != 0 && held != null && held.epoch() == heldEpoch && held.node().equals(own)) {
      return heldEpoch;
    }
    leadership = begin(calls, own);
    return leadership == null ? 0 : leadership.epoch();
  }

  /** Begins a leadership with a new epoch, if {@code own} still exists. */
  private Leadership begin(BoundedCalls calls, String own) throws Exception {
    List<OpResult> results = calls.transaction(List.of(
        Op.check(membersPath + "/" + own, -1),
        Op.setData(epochPath, memberData, -1)));
    if (results.get(1) instanceof OpResult.SetDataResult set) {
      return new Leadership(own, set.getStat().getMzxid());
    }
    // A failed transaction answers an error for every operation: OK for those that would have succeeded.
    if (error(results.get(0)) == KeeperException.Code.NONODE) {
      return null; // the session expired and took the node along: another member may lead now
    }
    pathsCreated = false; // someone deleted the epoch node: created again on the next call
    throw KeeperException.create(error(results.get(1)), epochPath);
  }

  private static KeeperException.Code error(OpResult result) {
    return result instanceof OpResult.ErrorResult failed ? KeeperException.Code.get(failed.getErr())
        : KeeperException.Code.OK;
  }

  private MemberLine line(BoundedCalls calls) throws Exception {
    try {
      return MemberLine.of(calls.currentChildren(membersPath), calls.sessionId());
    } catch (KeeperException.NoNodeException e) {
      pathsCreated = false;
      throw e;
    }
  }

  /** Deletes this member's nodes, so that the next in line leads at once. */
  @Override
  public void release() throws Exception {
    leadership = null;
    if (client == null) {
      return;
    }
    try {
      leave();
    } catch (KeeperException e) {
      throw named(e);
    }
  }

  private void leave() throws Exception {
    BoundedCalls calls = client.connected(System.nanoTime() + callNanos(client.lease()));
    MemberLine line = MemberLine.of(calls.currentChildren(membersPath), calls.sessionId());
    String own = line.own();
    if (own != null) {
      line.extraOwn().forEach(extra -> calls.deleteLater(membersPath + "/" + extra));
      calls.delete(membersPath + "/" + own);
    }
  }

  /** Closes the Curator client, which ends this member's session. Never throws. */
  @Override
  public void close() {
    leadership = null;
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** ZooKeeper's own messages name the node, not the servers. */
  private IOException named(KeeperException e) {
    return new IOException("ZooKeeper at " + url + ": " + e.getMessage(), e);
  }

  private SessionClient client(Duration lease) {
    if (client != null && !client.lease().equals(lease)) {
      close();
    }
    if (client == null) {
      client = SessionClient.start(url, lease, Duration.ofNanos(callNanos(lease)));
    }
    return client;
  }

  /** A third of the lease: the election renews that often, and waits for each call. */
  private static long callNanos(Duration lease) {
    return Math.max(1, lease.toNanos() / 3);
  }

  /** {@code electionPath}'s ancestors below the root, itself and {@code children}, parents first. */
  private static List<String> pathsTo(String electionPath, List<String> children) {
    List<String> paths = new java.util.ArrayList<>();
    for (int slash = electionPath.indexOf('/', 1); slash > 0; slash = electionPath.indexOf('/', slash + 1)) {
      paths.add(electionPath.substring(0, slash));
    }
    paths.add(electionPath);
    paths.addAll(children);
    return List.copyOf(paths);
  }

  @Override
  public String toString() {
    return "member " + memberId + " of " + membersPath + " at " + url;
  }
}
