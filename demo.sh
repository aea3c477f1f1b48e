#!/usr/bin/env bash
# The README's first command: builds what the demo needs (the processor, the runtime, the agent and
# the examples; no tests) and runs it from the repository root. Needs a JDK 17+ and Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")"

echo "Building the examples and the agent: mvn -B -q -pl examples -am package -DskipTests"
mvn -B -q -pl examples -am package -DskipTests

echo
exec java -cp examples/target/classes:runtime/target/classes:annotations/target/classes \
    io.github.posa4j.examples.Demo
