#!/usr/bin/env bash
# Simulator throughput: times the real `simulate` command in --dry-run mode (it generates every
# event and encodes it as JSON, as publishing would, but sends nothing, so no Kafka is needed).
#   ops/bench/simulator.sh [EVENTS ...]    (default 10,000,000)
# Seconds are wall time of the whole command, JVM start included.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
jar="$REPO_ROOT/poller/target/poller.jar"
[ -f "$jar" ] || (cd "$REPO_ROOT" && mvn -B -q -pl poller -am package -DskipTests)
(($#)) || set -- 10000000

printf 'machine: %s cores, %s, %s\n' "$(nproc)" "$(java -version 2>&1 | head -1)" "$(uname -m)"
printf '%-34s %12s %10s %14s\n' "case" "events" "seconds" "events/s"
for events in "$@"; do
  started=$(date +%s%N)
  # Enough users and days that the event cap, not the calendar, ends the run.
  java -Xmx1g -jar "$jar" simulate --dry-run --max-events="$events" \
    --users=20000 --tracks=200000 --genres=40 --days=365 --end-date=2025-01-01 \
    --seed=42 >/dev/null 2>&1
  nanos=$(($(date +%s%N) - started))
  awk -v n="$events" -v ns="$nanos" \
    'BEGIN { s = ns / 1e9; printf "%-34s %12d %10.2f %14.0f\n", "generate + encode JSON (dry run)", n, s, n / s }'
done
