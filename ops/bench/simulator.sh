#!/usr/bin/env bash
# Simulator throughput: events generated per second, alone and with JSON encoding.
#   ops/bench/simulator.sh [EVENTS]    (default 10,000,000)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
jar="$REPO_ROOT/poller/target/poller.jar"
[ -f "$jar" ] || (cd "$REPO_ROOT" && mvn -B -q -pl poller -am install -DskipTests)
printf 'machine: %s cores, %s, %s\n' "$(nproc)" "$(java -version 2>&1 | head -1)" "$(uname -m)"
java -Xmx1g -cp "$jar" io.listening.poller.simulator.SimulatorBenchmark "${1:-10000000}"
