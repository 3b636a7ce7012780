#!/usr/bin/env bash
# Dashboard speed in headless Chromium: for each size, writes a synthetic lake of that many events
# (ops/bench/synthetic_lake.py), builds and publishes the warehouse (ops/dbt-build.sh
# --full-refresh), starts the webapp jar on it and times, over BENCH_RUNS runs, every page's first
# render and a change of the listener filter (ops/bench/dashboard_timings.py). Prints a table with
# the issue's targets (at 10M events: a first render < 1 s, a filter change < 300 ms). Not a test: the numbers depend on the machine and its load.
#
#   ops/bench/dashboard.sh [EVENTS ...]      (default: 1000000 10000000)
#
#   BENCH_RUNS        runs per measure (default 5)
#   BENCH_PORT        the webapp's port (default 18290)
#   BENCH_USERS, BENCH_TRACKS, BENCH_CACHE_DIR, BENCH_REBUILD: the cached warehouses
#                     (ops/lib/bench-warehouse.sh, shared with ops/bench/api.sh)
#   KEEP_BENCH_DATA=1 keeps the temporary folder (logs)
#
# Builds webapp/target/webapp.jar first when it is missing or older than its sources.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
# shellcheck source=../lib/node.sh
source "$REPO_ROOT/ops/lib/node.sh"
# shellcheck source=../lib/bench-warehouse.sh
source "$REPO_ROOT/ops/lib/bench-warehouse.sh"

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
# stats MEASURE PAGE EVENTS MS...: median and max of the runs, a row of the table.
stats() {
  local measure="$1" page="$2" events="$3" target
  shift 3
  target="-"
  if [ "$events" -eq "$TARGET_EVENTS" ]; then
    [ "$measure" = first_render ] && target="$TARGET_FIRST_RENDER_MS" || target="$TARGET_FILTER_CHANGE_MS"
  fi
  rows+=("$(printf '%s\n' "$@" | sort -n | awk -v n="$events" -v m="$measure" -v p="$page" -v t="$target" '
    { v[NR] = $1 } END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      met = (t == "-") ? "-" : (median < t ? "yes" : "no")
      printf "%11d  %-24s %-14s %10.0f %8.0f  %-10s %s", n, p, m, median, v[NR], (t == "-" ? "-" : "< " t " ms"), met }')")
}

for events in "$@"; do
  data_dir="$root/$events"
  mkdir -p "$data_dir"
  warehouse="$(bench_warehouse "$events")"
  # The listener the filter switches to (the one with the most plays), and the most played track and
  # artist, whose pages are timed too.
  read -r user track artist < <("$dbt_venv/bin/python" -c 'import duckdb, sys
c = duckdb.connect(sys.argv[1], read_only=True)
user = c.sql("select user_id from gold.daily_listening_stats group by 1 order by sum(plays) desc, 1 limit 1").fetchone()[0]
track = c.sql("select track_id from gold.daily_track_listening group by 1 order by sum(plays) desc, 1 limit 1").fetchone()[0]
artist = c.sql("select artist_key from gold.daily_track_listening group by 1 order by sum(plays) desc, 1 limit 1").fetchone()[0]
from urllib.parse import quote
# Paths: a key may hold spaces ("artist 0"), which would split the timing lines.
print(user, quote(track, safe=""), quote(artist, safe=""))' "$warehouse")
  pages=(/ /trends /top-tracks "/tracks/$track" /top-artists "/artists/$artist" /clock /skips /devices
    /sessions /year-in-review /podcasts /data-quality)

  step "Webapp on port $PORT over $warehouse"
  WEBAPP_PORT="$PORT" WEBAPP_WAREHOUSE_PATH="$warehouse" REDIS_PORT=1 \
    java -jar "$jar" >"$data_dir/webapp.log" 2>&1 &
  app_pid=$!
  wait_for_port 127.0.0.1 "$PORT" 180 || { tail -30 "$data_dir/webapp.log" >&2; die "the webapp did not start"; }

  step "Timing ${#pages[@]} pages in headless Chromium ($RUNS runs each, listener $user)"
  timings="$("$bench_venv/bin/python" "$REPO_ROOT/ops/bench/dashboard_timings.py" \
    "http://127.0.0.1:$PORT" "$user" "${pages[@]}" --runs "$RUNS" | tee "$data_dir/timings.txt")"
  while read -r measure page values; do
    # shellcheck disable=SC2086
    stats "$measure" "$page" "$events" $values
  done <<<"$timings"
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=""
done

step "Results"
printf 'machine: %s cores, %s MiB RAM, load average %s; %s users, %s tracks, %s runs\n' \
  "$(nproc)" "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$BENCH_USERS" "$BENCH_TRACKS" "$RUNS"
printf '%11s  %-24s %-14s %10s %8s  %-10s %s\n' "events" "page" "measure" "median ms" "max ms" "target" "met"
for row in "${rows[@]}"; do
  printf '%s\n' "$row"
done
