#!/usr/bin/env bash
# Dashboard speed in headless Chromium: for each size, writes a synthetic lake of that many events
# (ops/bench/synthetic_lake.py), builds and publishes the warehouse (ops/dbt-build.sh
# --full-refresh), starts the webapp jar on it and times, over BENCH_RUNS runs, the overview's
# first render and a change of the listener filter (ops/bench/dashboard_timings.py). Prints a table
# with the issue's targets. Not a test: the numbers depend on the machine and its load.
#
#   ops/bench/dashboard.sh [EVENTS ...]      (default: 1000000 10000000)
#
#   BENCH_USERS       users of the synthetic lake (default 3000)
#   BENCH_TRACKS      tracks (default 50000)
#   BENCH_RUNS        runs per measure (default 5)
#   BENCH_PORT        the webapp's port (default 18290)
#   KEEP_BENCH_DATA=1 keeps the temporary folder (warehouses, logs)
#
# Builds webapp/target/webapp.jar first when it is missing or older than its sources.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
# shellcheck source=../lib/node.sh
source "$REPO_ROOT/ops/lib/node.sh"

USERS="${BENCH_USERS:-3000}"
TRACKS="${BENCH_TRACKS:-50000}"
RUNS="${BENCH_RUNS:-5}"
PORT="${BENCH_PORT:-18290}"
# The issue's targets (2 cores, 10M events), in milliseconds.
TARGET_EVENTS=10000000
TARGET_FIRST_RENDER_MS=1000
TARGET_FILTER_CHANGE_MS=300
(($#)) || set -- 1000000 10000000

ensure_apt_packages chromium chromium-driver curl
dbt_venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
bench_venv="$(ensure_venv bench-dashboard "$REPO_ROOT/ops/bench/requirements-dashboard.txt")"
jar="$REPO_ROOT/webapp/target/webapp.jar"
# A jar older than any source of the modules it holds is rebuilt: a stale jar would time another
# dashboard than the one checked out.
if [ ! -f "$jar" ] || [ -n "$(find "$REPO_ROOT"/{events,recommender,webapp}/src "$REPO_ROOT"/pom.xml \
  "$REPO_ROOT"/webapp/pom.xml "$REPO_ROOT"/webapp/package-lock.json -newer "$jar" -print -quit)" ]; then
  ensure_node
  step "Building the webapp jar"
  (cd "$REPO_ROOT" && mvn -q -B -pl webapp -am package -DskipTests)
fi

root="$(mktemp -d "${TMPDIR:-/tmp}/bench-dashboard.XXXXXX")"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ "${KEEP_BENCH_DATA:-0}" = 1 ]; then info "kept $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT

rows=()
# stats MEASURE EVENTS MS...: median and max of the runs, a row of the table.
stats() {
  local measure="$1" events="$2" target
  shift 2
  target="-"
  if [ "$events" -eq "$TARGET_EVENTS" ]; then
    [ "$measure" = first_render ] && target="$TARGET_FIRST_RENDER_MS" || target="$TARGET_FILTER_CHANGE_MS"
  fi
  rows+=("$(printf '%s\n' "$@" | sort -n | awk -v n="$events" -v m="$measure" -v t="$target" '
    { v[NR] = $1 } END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      met = (t == "-") ? "-" : (median < t ? "yes" : "no")
      printf "%11d  %-14s %10.0f %8.0f  %-10s %s", n, m, median, v[NR], (t == "-" ? "-" : "< " t " ms"), met }')")
}

for events in "$@"; do
  data_dir="$root/$events"
  mkdir -p "$data_dir"
  step "Synthetic lake of $events events ($USERS users, $TRACKS tracks)"
  "$dbt_venv/bin/python" "$REPO_ROOT/ops/bench/synthetic_lake.py" "$data_dir/lake" "$data_dir/next-hour" \
    --events "$events" --users "$USERS" --tracks "$TRACKS" --hour-events 1

  step "Warehouse of $events events: ops/dbt-build.sh --full-refresh"
  DATA_DIR="$data_dir" LAKE_DIR="$data_dir/lake" DBT_TARGET_PATH="$data_dir/target" \
    DBT_LOG_PATH="$data_dir/logs" bash "$REPO_ROOT/ops/dbt-build.sh" --full-refresh >"$data_dir/dbt.log" 2>&1 ||
    { tail -30 "$data_dir/dbt.log" >&2; die "the dbt build of $events events failed (log above)"; }
  rm -rf "$data_dir/lake" "$data_dir/next-hour"
  warehouse="$data_dir/warehouse/analytics.duckdb"
  # The listener the filter switches to: the one with the most plays.
  user="$("$dbt_venv/bin/python" -c 'import duckdb, sys
c = duckdb.connect(sys.argv[1], read_only=True)
print(c.sql("select user_id from gold.daily_listening_stats group by 1 order by sum(plays) desc limit 1").fetchone()[0])' "$warehouse")"

  step "Webapp on port $PORT over $warehouse"
  WEBAPP_PORT="$PORT" WEBAPP_WAREHOUSE_PATH="$warehouse" REDIS_PORT=1 \
    java -jar "$jar" >"$data_dir/webapp.log" 2>&1 &
  app_pid=$!
  wait_for_port 127.0.0.1 "$PORT" 180 || { tail -30 "$data_dir/webapp.log" >&2; die "the webapp did not start"; }

  step "Timing the overview in headless Chromium ($RUNS runs, listener $user)"
  timings="$("$bench_venv/bin/python" "$REPO_ROOT/ops/bench/dashboard_timings.py" \
    "http://127.0.0.1:$PORT/" "$user" --runs "$RUNS")"
  info "$timings"
  while read -r measure values; do
    # shellcheck disable=SC2086
    stats "$measure" "$events" $values
  done <<<"$timings"
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=""
done

step "Results"
printf 'machine: %s cores, %s MiB RAM, load average %s; %s users, %s tracks, %s runs\n' \
  "$(nproc)" "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$USERS" "$TRACKS" "$RUNS"
printf '%11s  %-14s %10s %8s  %-10s %s\n' "events" "measure" "median ms" "max ms" "target" "met"
for row in "${rows[@]}"; do
  printf '%s\n' "$row"
done
