#!/usr/bin/env bash
# Kills command processors with SIGKILL, 200 rounds per durability (SYNC and ASYNC), through
# runtime's JournalCrashTest, and sums up what the rounds did. Every round starts a child JVM on a
# fresh journal, streams commands into it, kills it at a random moment (in some rounds a second and
# third child go on with the journal and are killed too), then checks that the journal recovers
# exactly the commands 1..k, with every acknowledged one among them. Takes some minutes.
#
#   benchmarks/crash-rounds.sh                  # 200 rounds per durability
#   ROUNDS=1000 benchmarks/crash-rounds.sh -o   # more rounds; arguments go to Maven
#
# A failure prints the round, its seed (replay with -Dposa4j.crash.seed=...) and the journal's
# files. Needs a JDK 17+ and Maven 3.8+, on Linux or macOS.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${ROUNDS:-200}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "crash-rounds: mvn -B -q -pl runtime -am test -Dtest=JournalCrashTest -Dposa4j.crash.rounds=$rounds $*"
status=0
# (the sed drops the colour resets some Maven versions print even in batch mode)
mvn -B -q -pl runtime -am test -Dtest=JournalCrashTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dposa4j.crash.rounds="$rounds" "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' | tee "$log" || status=$?

# The test prints one line per durability:
#   posa4j crash SYNC: rounds=200 kills=... acknowledged=... recovered=... sent=... tornTailsCut=... ...
if ! grep -q '^posa4j crash ' "$log"; then
  echo "crash-rounds: FAILED (exit status $status) before any summary; see runtime/target/surefire-reports" >&2
  exit $((status == 0 ? 1 : status))
fi
grep '^posa4j crash ' "$log" | awk -v status="$status" '
  {
    durabilities = durabilities (durabilities == "" ? "" : "+") substr($3, 1, length($3) - 1)
    for (i = 4; i <= NF; i++) {
      split($i, pair, "=")
      total[pair[1]] += pair[2]
    }
  }
  END {
    printf "crash-rounds: %s, %d rounds, %d kills (%d before the child was ready): %.0f commands acknowledged,"\
        " %.0f recovered, %d torn tails cut, %d unfinished files deleted; %s\n",
        durabilities, total["rounds"], total["kills"], total["killedBeforeReady"], total["acknowledged"],
        total["recovered"], total["tornTailsCut"], total["unfinishedFilesDeleted"],
        status == 0 ? "every acknowledged command recovered, nothing lost, duplicated or reordered" \
                    : "FAILED (exit status " status "): see above"
  }'
exit "$status"
