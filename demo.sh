#!/usr/bin/env bash
# The README's first command: builds what the demo needs (the processor, the runtime, the agent and
# the examples; no tests) and runs it from the repository root. Needs a JDK 17+ and Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")"

echo "Building the examples and the agent: mvn -B -q -pl examples -am package -DskipTests"
# (the sed drops the colour resets some Maven packagings print even in batch mode)
mvn -B -q -pl examples -am package -DskipTests 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'

echo
exec java -cp 'examples/target/classes:runtime/target/classes:annotations/target/classes:net/target/classes:examples/target/demo-lib/*' \
    io.github.posa4j.examples.Demo
