package io.github.posa4j.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The ZooKeeper operations of one call to the store: all on one handle, so on one session, and
 * each waiting only for what is left of the call's time. They use ZooKeeper's asynchronous API,
 * whose answers this class awaits with a deadline: a synchronous call would wait until the client
 * notices a lost connection, which can take two thirds of the session timeout.
 */
final class BoundedCalls {
  private final ZooKeeper zooKeeper;
  private final long sessionId;
  private final long deadlineNanos;
  private final ZooKeeperUrl url;

  BoundedCalls(ZooKeeper zooKeeper, long sessionId, long deadlineNanos, ZooKeeperUrl url) {
    this.zooKeeper = zooKeeper;
    this.sessionId = sessionId;
    this.deadlineNanos = deadlineNanos;
    this.url = url;
  }

  /** The session every operation here runs in. */
  long sessionId() {
    return sessionId;
  }

  /**
   * The children of {@code path} as the ZooKeeper leader knows them: a {@code sync} and the
   * listing, sent together, so that a server that lags behind the leader cannot answer with
   * children already deleted. A round trip, which also renews the session.
   */
  List<String> currentChildren(String path) throws Exception {
    CompletableFuture<Void> synced = new CompletableFuture<>();
    zooKeeper.sync(path, (rc, at, context) -> {
      if (rc == KeeperException.Code.OK.intValue()) {
        synced.complete(null);
      } else {
        synced.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), at));
      }
    }, null);
    CompletableFuture<List<String>> answer = new CompletableFuture<>();
    zooKeeper.getChildren(path, false, (rc, at, context, children) -> {
      if (rc == KeeperException.Code.OK.intValue()) {
        answer.complete(children);
      } else {
        answer.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), at));
      }
    }, null);
    await(synced, "sync " + path);
    return await(answer, "list " + path);
  }

  /** Creates {@code path}; answers the path created (with the sequence, for a sequential node). */
  String create(String path, byte[] data, CreateMode mode) throws Exception {
    return await(startCreate(path, data, mode, false), "create " + path);
  }

  /**
   * Creates every one of {@code paths} (parents first) that does not exist yet, as persistent
   * nodes. The requests go out together: a session's requests are carried out in order.
   */
  void createMissing(List<String> paths) throws Exception {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (String path : paths) {
      answers.add(startCreate(path, new byte[0], CreateMode.PERSISTENT, true));
    }
    for (int i = 0; i < paths.size(); i++) {
      await(answers.get(i), "create " + paths.get(i));
    }
  }

  /**
   * Runs {@code ops} as one transaction; answers one result per operation, which are
   * {@link OpResult.ErrorResult}s when the transaction failed on one of them.
   *
   * @throws KeeperException when the transaction could not be carried out at all (connection, session)
   */
  List<OpResult> transaction(List<Op> ops) throws Exception {
    CompletableFuture<List<OpResult>> answer = new CompletableFuture<>();
    zooKeeper.multi(ops, (rc, at, context, results) -> {
      if (results != null && results.size() == ops.size()) {
        answer.complete(results);
      } else {
        answer.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc)));
      }
    }, null);
    return await(answer, "run a transaction on " + ops.get(0).getPath());
  }

  /** Deletes {@code path}; nothing when it does not exist. */
  void delete(String path) throws Exception {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    zooKeeper.delete(path, -1, (rc, at, context) -> {
      if (rc == KeeperException.Code.OK.intValue() || rc == KeeperException.Code.NONODE.intValue()) {
        answer.complete(null);
      } else {
        answer.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), at));
      }
    }, null);
    await(answer, "delete " + path);
  }

  /** Asks for {@code path} to be deleted without waiting for the answer. */
  void deleteLater(String path) {
    zooKeeper.delete(path, -1, (rc, at, context) -> { }, null);
  }

  private CompletableFuture<String> startCreate(String path, byte[] data, CreateMode mode, boolean mayExist) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    zooKeeper.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode, (rc, at, context, created) -> {
      if (rc == KeeperException.Code.OK.intValue()) {
        answer.complete(created);
      } else if (mayExist && rc == KeeperException.Code.NODEEXISTS.intValue()) {
        answer.complete(at);
      } else {
        answer.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), at));
      }
    }, null);
    return answer;
  }

  private <T> T await(CompletableFuture<T> answer, String what) throws Exception {
    long left = deadlineNanos - System.nanoTime();
    try {
      return answer.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("ZooKeeper at " + url + " did not answer in time to " + what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw e;
    }
  }
}
