#!/usr/bin/env bash
# Warehouse build time and memory: for each size, writes a synthetic lake of that many events
# (ops/bench/synthetic_lake.py: DuckDB SQL, no Kafka or Beam, which ops/bench/ingest.sh measures)
# into a temporary DATA_DIR, times a full build from nothing (`ops/dbt-build.sh --full-refresh`),
# then appends the next arrival hour (--hour-events rows) and times the incremental hourly build
# (`ops/dbt-build.sh`). Prints a table with the issue's targets and the slowest models of each
# build (dbt's run_results.json).
#
#   ops/bench/dbt.sh [EVENTS ...]        (default: 1000000 10000000)
#
#   BENCH_USERS        users of the synthetic lake (default 3000)
#   BENCH_TRACKS       tracks, Zipf-like popularity (default 50000)
#   BENCH_HOUR_EVENTS  rows of the appended arrival hour (default 3000)
#   BENCH_TOP_MODELS   slowest nodes listed per build (default 5)
#   KEEP_BENCH_DATA=1  keeps the temporary folder (lakes, warehouses, dbt target, logs, and each
#                      build's run_results-<build>.json)
#
# Seconds are wall time of the whole command (virtualenv check, dbt parse, build, tests,
# checkpoint and publish). Peak RSS is GNU time's maximum resident set: that of the largest
# process of the tree, which is dbt, since DuckDB runs inside it; the publish program around it
# holds only a small DuckDB connection for the checkpoint.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

USERS="${BENCH_USERS:-3000}"
TRACKS="${BENCH_TRACKS:-50000}"
HOUR_EVENTS="${BENCH_HOUR_EVENTS:-3000}"
TOP_MODELS="${BENCH_TOP_MODELS:-5}"
# The issue's targets (2 cores), for the 10M size.
TARGET_EVENTS=10000000
TARGET_FULL_SECONDS=180
TARGET_INCREMENTAL_SECONDS=10
(($#)) || set -- 1000000 10000000

ensure_apt_packages time jq
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
root="$(mktemp -d "${TMPDIR:-/tmp}/bench-dbt.XXXXXX")"
cleanup() {
  if [ "${KEEP_BENCH_DATA:-0}" = 1 ]; then
    info "kept $root"
  else
    rm -rf "$root"
  fi
}
trap cleanup EXIT

rows=()
slowest=()
# measure EVENTS BUILD DATA_DIR DBT_ARGS...: one timed ops/dbt-build.sh, a row of the table.
measure() {
  local events="$1" build="$2" data_dir="$3"
  shift 3
  local log="$data_dir/$build.log" timing="$data_dir/$build.time" results="$data_dir/run_results-$build.json"
  # One target folder for both builds, as for hourly builds on one machine: the incremental build
  # parses partially (target/partial_parse.msgpack), as it would in production.
  if ! DATA_DIR="$data_dir" LAKE_DIR="$data_dir/lake" DBT_TARGET_PATH="$data_dir/target" \
    DBT_LOG_PATH="$data_dir/logs-$build" /usr/bin/time -v -o "$timing" \
    bash "$REPO_ROOT/ops/dbt-build.sh" "$@" >"$log" 2>&1; then
    tail -30 "$log" >&2
    die "$build build failed on $events events (log above)"
  fi
  cp "$data_dir/target/run_results.json" "$results"
  local seconds kb
  seconds="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$timing")"
  kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timing")"
  local target="-" met="-"
  if [ "$events" -eq "$TARGET_EVENTS" ]; then
    target="$TARGET_FULL_SECONDS"
    [ "$build" = incremental ] && target="$TARGET_INCREMENTAL_SECONDS"
    met="$(awk -v s="$seconds" -v t="$target" 'BEGIN { print (s < t ? "yes" : "no") }')"
    target="< $target s"
  fi
  rows+=("$(awk -v n="$events" -v b="$build" -v s="$seconds" -v kb="$kb" -v t="$target" -v m="$met" \
    'BEGIN { printf "%11d  %-12s %9.1f %13.0f  %-9s %s", n, b, s, kb / 1024, t, m }')")
  slowest+=("$events events, $build build: slowest of $(jq '.results | length' "$results") nodes (s)")
  while IFS= read -r line; do slowest+=("$line"); done < <(jq -r --argjson top "$TOP_MODELS" \
    '.results | sort_by(-.execution_time) | .[:$top][] | "  \(.execution_time * 10 | round / 10)\t\(.unique_id)"' \
    "$results")
  info "$build build, $events events: $seconds s, $((kb / 1024)) MiB"
}

for events in "$@"; do
  data_dir="$root/$events"
  mkdir -p "$data_dir"
  step "Synthetic lake of $events events ($USERS users, $TRACKS tracks)"
  "$venv/bin/python" "$REPO_ROOT/ops/bench/synthetic_lake.py" "$data_dir/lake" "$data_dir/next-hour" \
    --events "$events" --users "$USERS" --tracks "$TRACKS" --hour-events "$HOUR_EVENTS"

  step "Full build of $events events: ops/dbt-build.sh --full-refresh"
  measure "$events" full "$data_dir" --full-refresh

  step "Incremental build of $events events + the next arrival hour: ops/dbt-build.sh"
  cp -r "$data_dir/next-hour/." "$data_dir/lake/"
  measure "$events" incremental "$data_dir"
  # A 10M lake is about a GB: kept only on request.
  [ "${KEEP_BENCH_DATA:-0}" = 1 ] || rm -rf "$data_dir/lake" "$data_dir/next-hour"
done

step "Results"
printf 'machine: %s cores, %s MiB RAM, load average %s; DuckDB %s, %s users, %s tracks, +%s rows in the hour\n' \
  "$(nproc)" "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)')" \
  "$USERS" "$TRACKS" "$HOUR_EVENTS"
printf '%11s  %-12s %9s %13s  %-9s %s\n' "events" "build" "seconds" "peak RSS MiB" "target" "met"
for row in "${rows[@]}"; do
  printf '%s\n' "$row"
done
printf '\n'
for line in "${slowest[@]}"; do
  printf '%s\n' "$line"
done
