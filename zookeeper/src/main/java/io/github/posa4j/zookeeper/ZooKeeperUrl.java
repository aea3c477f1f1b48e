package io.github.posa4j.zookeeper;

import org.apache.zookeeper.common.PathUtils;

/**
 * A {@code zookeeper://host:port[,host:port...]/path} URL taken apart: the servers, as ZooKeeper's
 * connect string, and the path under which elections live.
 */
record ZooKeeperUrl(String url, String connectString, String root) {
  static final String SCHEME = "zookeeper://";
  static final String FORM = "zookeeper://host:port[,host:port...]/path, e.g. zookeeper://127.0.0.1:2181/posa4j";

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException naming the URL, what is wrong with it and the right form
   */
  static ZooKeeperUrl parse(String url) {
    if (url == null || !url.startsWith(SCHEME)) {
      throw malformed(url, "it does not start with " + SCHEME);
    }
    String rest = url.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw malformed(url, "it names no path under which elections live");
    }
    String servers = rest.substring(0, slash);
    String root = rest.substring(slash);
    if (servers.isEmpty()) {
      throw malformed(url, "it names no server");
    }
    for (String server : servers.split(",", -1)) {
      checkServer(url, server);
    }
    checkRoot(url, root);
    return new ZooKeeperUrl(url, servers, root);
  }

  /** The path of the election {@code name}: a child of the root. */
  String electionPath(String name) {
    if (name.contains("/")) {
      throw new IllegalArgumentException("the election name '" + name + "' cannot name a ZooKeeper node under " + url
          + ": it contains '/'");
    }
    String path = root + "/" + name;
    try {
      PathUtils.validatePath(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the election name '" + name + "' cannot name a ZooKeeper node under " + url
          + ": " + e.getMessage(), e);
    }
    return path;
  }

  @Override
  public String toString() {
    return url;
  }

  private static void checkServer(String url, String server) {
    int colon = server.lastIndexOf(':');
    if (colon <= 0) {
      throw malformed(url, "'" + server + "' is not host:port");
    }
    String port = server.substring(colon + 1);
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw malformed(url, "the port of '" + server + "' is not a number");
    }
    if (number < 1 || number > 65_535) {
      throw malformed(url, "the port of '" + server + "' is not between 1 and 65535");
    }
  }

  private static void checkRoot(String url, String root) {
    if (root.equals("/") || root.endsWith("/")) {
      throw malformed(url, "its path must name a node and not end with '/'");
    }
    if (root.contains("?") || root.contains("#")) {
      throw malformed(url, "it takes no query or fragment");
    }
    try {
      PathUtils.validatePath(root);
    } catch (IllegalArgumentException e) {
      throw malformed(url, "its path is not a ZooKeeper path (" + e.getMessage() + ")");
    }
  }

  private static IllegalArgumentException malformed(String url, String why) {
    return new IllegalArgumentException("malformed ZooKeeper URL '" + url + "': " + why + "; write " + FORM);
  }
}
