#!/usr/bin/env bash
# Kafka -> lake throughput: for each size, simulates that many events into a broker of its own, then
# times the Beam job on each runner beside the ceiling, a plain-Java KafkaConsumer -> ParquetWriter
# loop over the same topics (io.listening.pipelines.bench.PlainKafkaToParquet). Last, the Spotify
# exports in fixtures/ imported HISTORY_COPIES times as different people (years of real history),
# on the embedded default.
#
#   ops/bench/ingest.sh [EVENTS ...]        (default: 1000000 10000000)
#
#   BENCH_RUNNERS   which rows to run (default: "ceiling direct flink-local flink-cluster")
#   HISTORY_COPIES  copies of the eight fixture exports for the history row (default 4; 0 skips it)
#   BENCH_HEAP      -Xmx of every JVM measured (default 2g, the issue's memory target)
#
# Seconds are wall time of the whole command, JVM start included; peak RSS is the process's
# maximum resident set (for the Flink cluster: the TaskManager's, which does the work).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RUNNERS="${BENCH_RUNNERS:-ceiling direct flink-local flink-cluster}"
HISTORY_COPIES="${HISTORY_COPIES:-4}"
HEAP="${BENCH_HEAP:-2g}"
export KAFKA_PORT="${BENCH_KAFKA_PORT:-39092}" KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-39093}"
export FLINK_REST_PORT="${BENCH_FLINK_REST_PORT:-18281}" FLINK_RPC_PORT="${BENCH_FLINK_RPC_PORT:-16223}"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
(($#)) || set -- 1000000 10000000

ensure_apt_packages time
root="$(mktemp -d "${TMPDIR:-/tmp}/bench-ingest.XXXXXX")"
export DATA_DIR="$root"
cleanup() {
  bash "$REPO_ROOT/ops/flink.sh" stop >/dev/null 2>&1 || true
  bash "$REPO_ROOT/ops/kafka.sh" stop >/dev/null 2>&1 || true
  rm -rf "$root"
}
trap cleanup EXIT

step "Building the poller and the job jars"
(cd "$REPO_ROOT" && mvn -B -q -pl poller,beam-pipelines -am package -DskipTests)
case " $RUNNERS " in *" flink-cluster "*)
  (cd "$REPO_ROOT" && mvn -B -q -pl beam-pipelines -am package -Pbundle -DskipTests) ;;
esac
poller="$REPO_ROOT/poller/target/poller.jar"
job="$REPO_ROOT/beam-pipelines/target/beam-pipelines.jar"
bundled="$(ls "$REPO_ROOT"/beam-pipelines/target/beam-pipelines-*-bundled.jar 2>/dev/null | head -1 || true)"

rows=()
ceiling_rate=""
# measure CASE EVENTS COMMAND...: runs the command, appends a row of the table.
measure() {
  local name="$1" events="$2"
  shift 2
  rm -rf "$root/lake" "$root/ceiling.parquet"
  local timing="$root/time.txt" log="$root/$name.log"
  if ! /usr/bin/time -f '%e %M' -o "$timing" "$@" >"$log" 2>&1; then
    tail -20 "$log" >&2
    die "$name failed on $events events (log above)"
  fi
  local seconds rss
  read -r seconds rss <"$timing"
  if [ "$name" = flink-cluster ]; then
    rss="$(awk '/VmHWM/ { print $2 }' "/proc/$(cat "$DATA_DIR/flink-$FLINK_REST_PORT/taskmanager.pid")/status")"
  fi
  local rate
  rate="$(awk -v n="$events" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')"
  [ "$name" = ceiling ] && ceiling_rate="$rate"
  rows+=("$(awk -v c="$name" -v n="$events" -v s="$seconds" -v r="$rate" -v top="${ceiling_rate:-0}" -v kb="$rss" \
    'BEGIN { share = top > 0 ? sprintf("%.0f%%", 100 * r / top) : "-";
             printf "%-16s %11d %9.1f %11d %12s %11.0f", c, n, s, r, share, kb / 1024 }')")
  info "$name, $events events: $seconds s"
}

run_case() {
  local name="$1" events="$2"
  case "$name" in
    ceiling)
      measure ceiling "$events" java "-Xmx$HEAP" -cp "$job" io.listening.pipelines.bench.PlainKafkaToParquet \
        "$BOOTSTRAP" "$root/ceiling.parquet" ;;
    direct)
      measure direct "$events" java "-Xmx$HEAP" -jar "$job" --bootstrapServers="$BOOTSTRAP" --lakeDir="$root/lake" ;;
    flink-local)
      measure flink-local "$events" java "-Xmx$HEAP" -jar "$job" --bootstrapServers="$BOOTSTRAP" \
        --lakeDir="$root/lake" --runner=FlinkRunner --flinkMaster='[local]' --parallelism=2 ;;
    flink-cluster)
      [ -n "$bundled" ] || die "the bundled jar was not built"
      measure flink-cluster "$events" java -Xmx512m -jar "$bundled" --bootstrapServers="$BOOTSTRAP" \
        --lakeDir="$root/lake" --runner=FlinkRunner --flinkMaster="127.0.0.1:$FLINK_REST_PORT" \
        --parallelism=2 --filesToStage="$bundled" ;;
    *) die "unknown runner '$name' in BENCH_RUNNERS" ;;
  esac
}

fresh_kafka() {
  bash "$REPO_ROOT/ops/kafka.sh" stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR/kafka"
  bash "$REPO_ROOT/ops/kafka.sh" start >/dev/null
}

case " $RUNNERS " in *" flink-cluster "*)
  step "Starting a Flink session cluster on 127.0.0.1:$FLINK_REST_PORT"
  bash "$REPO_ROOT/ops/flink.sh" start ;;
esac

for events in "$@"; do
  step "Simulating $events events into a fresh broker on $BOOTSTRAP"
  fresh_kafka
  java -Xmx1g -jar "$poller" simulate --bootstrap-servers="$BOOTSTRAP" --max-events="$events" \
    --users=20000 --tracks=200000 --genres=40 --days=365 --end-date=2025-01-01 --seed=42 \
    >"$root/simulate.log" 2>&1 || { tail -20 "$root/simulate.log" >&2; die "simulate failed"; }
  for runner in $RUNNERS; do
    run_case "$runner" "$events"
  done
done

if [ "$HISTORY_COPIES" -gt 0 ]; then
  step "Importing the eight fixture exports $HISTORY_COPIES times as different people"
  fresh_kafka
  for copy in $(seq 1 "$HISTORY_COPIES"); do
    for export in "$REPO_ROOT"/fixtures/spotify-exports/p0*; do
      java -jar "$poller" import --bootstrap-servers="$BOOTSTRAP" --data-dir="$root/import" \
        --path="$export" --user="$(basename "$export")-copy$copy" >>"$root/import.log" 2>&1 \
        || { tail -20 "$root/import.log" >&2; die "import of $export failed"; }
    done
  done
  # The plain loop reads every record once: its count is the history's size.
  records="$(java -cp "$job" io.listening.pipelines.bench.PlainKafkaToParquet "$BOOTSTRAP" \
    "$root/count.parquet" | awk -F'[= ]' '/^records=/ { print $2 }')"
  rows+=("history: the 8 exports x $HISTORY_COPIES, $records records")
  for runner in ceiling direct; do
    run_case "$runner" "$records"
  done
fi

step "Results"
printf 'machine: %s cores, %s, %s; every JVM measured with -Xmx%s\n' \
  "$(nproc)" "$(java -version 2>&1 | head -1)" "$(uname -m)" "$HEAP"
printf '%-16s %11s %9s %11s %12s %11s\n' "runner" "events" "seconds" "events/s" "of ceiling" "peak MB"
for row in "${rows[@]}"; do
  printf '%s\n' "$row"
done
