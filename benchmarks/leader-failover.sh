#!/usr/bin/env bash
# The leader election's failover and fencing figures of BENCHMARKS.md: 50 rounds of kill -9 of the
# leader for posa4j on PostgreSQL, posa4j on ZooKeeper and Curator's LeaderLatch (lease and session
# timeout of 1 s), then 500 induced pauses of a leader in the middle of a fenced write.
# Needs Debian's postgresql package; build first with
#   mvn -B -pl benchmarks -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
ROUNDS=${ROUNDS:-50}
PAUSES=${PAUSES:-500}
for backend in postgres zookeeper curator; do
  java -cp "$JAR" io.github.posa4j.benchmarks.leader.LeaderFailover "$backend" "$ROUNDS" 1000 | tail -1
done
java -cp "$JAR" io.github.posa4j.benchmarks.leader.StaleWriteSoak "$PAUSES" 300 | tail -1
