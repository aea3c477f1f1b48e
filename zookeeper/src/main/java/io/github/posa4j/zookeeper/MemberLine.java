package io.github.posa4j.zookeeper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The members of one election in line, as the children of its {@code members} node: one
 * ephemeral sequential node per member session, named {@code member-<session id in hex>-<sequence>},
 * first in line the lowest sequence. The session id in the name tells this member's nodes from
 * others' without asking the server for their owners.
 */
final class MemberLine {
  private static final String PREFIX = "member-";
  /** ZooKeeper appends a sequence of ten digits to the names of sequential nodes. */
  private static final int SEQUENCE_DIGITS = 10;

  private final List<String> inLine;
  private final List<String> own;

  private MemberLine(List<String> inLine, List<String> own) {
    this.inLine = inLine;
    this.own = own;
  }

  /** The name a node of {@code sessionId} is created with; ZooKeeper appends the sequence. */
  static String namePrefix(long sessionId) {
    return PREFIX + Long.toHexString(sessionId) + "-";
  }

  /** The line of {@code children}, with the nodes of {@code sessionId} as this member's own. */
  static MemberLine of(List<String> children, long sessionId) {
    String ownPrefix = namePrefix(sessionId);
    List<String> inLine = new ArrayList<>();
    for (String child : children) {
      if (isMember(child)) {
        inLine.add(child);
      }
    }
    inLine.sort(Comparator.comparingLong(MemberLine::sequence));
    List<String> own = inLine.stream().filter(child -> child.startsWith(ownPrefix)).toList();
    return new MemberLine(inLine, own);
  }

  /** The node first in line: the leader's; or {@code null} when nobody is in line. */
  String first() {
    return inLine.isEmpty() ? null : inLine.get(0);
  }

  /** This session's node first in line, or {@code null} when it has none. */
  String own() {
    return own.isEmpty() ? null : own.get(0);
  }

  /** This session's other nodes: left by a create that succeeded after its caller stopped waiting. */
  List<String> extraOwn() {
    return own.size() <= 1 ? List.of() : own.subList(1, own.size());
  }

  private static boolean isMember(String child) {
    if (!child.startsWith(PREFIX) || child.length() < PREFIX.length() + SEQUENCE_DIGITS) {
      return false;
    }
    String sequence = child.substring(child.length() - SEQUENCE_DIGITS);
    return sequence.chars().allMatch(Character::isDigit);
  }

  private static long sequence(String child) {
    return Long.parseLong(child.substring(child.length() - SEQUENCE_DIGITS));
  }
}
