#!/usr/bin/env bash
# Recommendation API throughput and latency: builds a warehouse from a synthetic lake of EVENTS events
# (ops/bench/synthetic_lake.py, then ops/dbt-build.sh; cached per size by ops/lib/bench-warehouse.sh),
# runs the web app jar against it with a Redis of its own, and measures with wrk (Debian) cache hits
# and cache misses at 1 and 16 connections, then hits with Redis stopped, beside `redis-benchmark`
# GET at 16 connections in the same run. Prints a table with the issue's targets. A benchmark, not a
# test: nothing fails on a missed target.
#
#   ops/bench/api.sh [EVENTS]          (default 1000000)
#
#   BENCH_DURATION     wrk duration of each row (default 10s)
#   BENCH_USERS, BENCH_TRACKS, BENCH_CACHE_DIR, BENCH_REBUILD: the cached warehouses
#                      (ops/lib/bench-warehouse.sh, shared with ops/bench/dashboard.sh)
#   BENCH_WEB_PORT     the app's port (default 18590)
#   BENCH_REDIS_PORT   its Redis's port (default 18591)
#   BENCH_HEAP         -Xmx of the app (default 1g)
#   BENCH_JAVA_OPTS    more JVM options of the app, e.g. a collector to compare (default none)
#   KEEP_BENCH_DATA=1  keeps the temporary folder (logs)
#
# Hits cycle over the 200 most played tracks, warmed first. Misses ask random (track, limit) pairs
# out of every track and limits 1 to 50, anonymously; listener misses add a userId, seeded with one
# of that listener's own tracks (100,000 sampled pairs). The share that really missed is read from
# the app's own counter (listening.recommendations.cache) and printed with the row.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
# shellcheck source=../lib/bench-warehouse.sh
source "$REPO_ROOT/ops/lib/bench-warehouse.sh"

EVENTS="${1:-1000000}"
DURATION="${BENCH_DURATION:-10s}"
WEB_PORT="${BENCH_WEB_PORT:-18590}"
REDIS_PORT="${BENCH_REDIS_PORT:-18591}"
HEAP="${BENCH_HEAP:-1g}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"
BASE="http://127.0.0.1:$WEB_PORT"

ensure_apt_packages wrk redis-server redis-tools curl
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
root="$(mktemp -d "${TMPDIR:-/tmp}/bench-api.XXXXXX")"
app_pid=""
cleanup() {
  [ -z "$app_pid" ] || { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }
  DATA_DIR="$root" REDIS_PORT="$REDIS_PORT" bash "$REPO_ROOT/ops/redis.sh" stop >/dev/null 2>&1 || true
  if [ "${KEEP_BENCH_DATA:-0}" = 1 ]; then info "kept $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT

warehouse="$(bench_warehouse "$EVENTS")"

# The tracks to ask for: the most played (hits) and every track with recommendations (misses).
"$venv/bin/python" - "$warehouse" "$root" <<'PY'
import sys, duckdb
db = duckdb.connect(sys.argv[1], read_only=True)
ids = [r[0] for r in db.execute(
    "select t.track_id from gold.tracks t where exists (select 1 from gold.track_co_occurrence c"
    " where c.track_id = t.track_id) order by t.plays desc, t.track_id").fetchall()]
if not ids:
    sys.exit("the warehouse has no track with recommendations")
open(sys.argv[2] + "/hit-ids.txt", "w").write("\n".join(ids[:200]) + "\n")
open(sys.argv[2] + "/miss-ids.txt", "w").write("\n".join(ids) + "\n")
# Listener misses: a listener asking with one of their own tracks as the seed, as a live player does.
pairs = db.execute(
    "select track_id || ' ' || user_id from (select distinct user_id, track_id"
    " from gold.user_track_transitions) using sample reservoir(100000 rows) repeatable (7)").fetchall()
open(sys.argv[2] + "/listener-pairs.txt", "w").write("\n".join(p[0] for p in pairs) + "\n")
PY
info "$(wc -l <"$root/miss-ids.txt") tracks with recommendations"

cat >"$root/hits.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/recommendations/" .. ids[i] .. "?limit=10")
end
LUA
cat >"$root/misses.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  return wrk.format("GET", "/api/recommendations/" .. ids[math.random(#ids)] .. "?limit=" .. math.random(50))
end
LUA

cat >"$root/listener-misses.lua" <<'LUA'
local pairs = {}
for line in io.lines(os.getenv("IDS")) do
  local track, user = line:match("^(%S+) (%S+)$")
  pairs[#pairs + 1] = { track, user }
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local p = pairs[math.random(#pairs)]
  return wrk.format("GET", "/api/recommendations/" .. p[1] .. "?userId=" .. p[2] .. "&limit=" .. math.random(50))
end
LUA

step "Building and starting the web app on $BASE, Redis on 127.0.0.1:$REDIS_PORT"
(cd "$REPO_ROOT" && mvn -B -q -pl webapp -am package -DskipTests)
DATA_DIR="$root" REDIS_PORT="$REDIS_PORT" bash "$REPO_ROOT/ops/redis.sh" start >/dev/null
WEBAPP_PORT="$WEB_PORT" REDIS_PORT="$REDIS_PORT" WEBAPP_WAREHOUSE_PATH="$warehouse" \
  WEBAPP_KAFKA_BOOTSTRAP_SERVERS="" java -Xmx"$HEAP" "${JAVA_OPTS[@]}" -jar "$REPO_ROOT/webapp/target/webapp.jar" \
  >"$root/webapp.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "$BASE/api/stats/totals" && break; sleep 1; done
curl -sf -o /dev/null "$BASE/api/stats/totals" || { tail -30 "$root/webapp.log" >&2; die "the app did not start"; }
while read -r id; do curl -sf -o /dev/null "$BASE/api/recommendations/$id?limit=10"; done <"$root/hit-ids.txt"

answers() { # answers RESULT: the app's count of hit or miss answers so far
  curl -sf "$BASE/actuator/prometheus" |
    awk -v r="$1" '$1 ~ /^listening_recommendations_cache_total/ && $1 ~ "result=\"" r "\"" { print int($2) }'
}
ms() { # ms VALUE: wrk's 1.23us / 4.56ms / 7.89s in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}

rows=()
# measure CASE CONNECTIONS SCRIPT IDS TARGET_RPS TARGET_P99_MS: one wrk run, a row of the table.
measure() {
  local name="$1" connections="$2" script="$3" ids="$4" target_rps="$5" target_p99="$6"
  local threads=$((connections < 2 ? 1 : 2)) out="$root/wrk-$name-$connections.txt"
  local hits_before misses_before
  hits_before="$(answers hit)" misses_before="$(answers miss)"
  IDS="$ids" wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$script" "$BASE" >"$out"
  local rps p50 p99 max errors hits misses
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
  p50="$(ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  p99="$(ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  max="$(ms "$(awk '$1 == "Latency" { print $4; exit }' "$out")")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { print "socket:" $0 }' "$out" | tr '\n' ' ')"
  hits=$(($(answers hit) - hits_before)) misses=$(($(answers miss) - misses_before))
  local met target
  met="$(awk -v r="$rps" -v p="$p99" -v tr="$target_rps" -v tp="$target_p99" \
    'BEGIN { ok = (tr == "-" || r >= tr) && (tp == "-" || p <= tp); print ((tr == "-" && tp == "-") ? "-" : (ok ? "yes" : "no")) }')"
  target=""
  [ "$target_rps" = "-" ] || target=">= $target_rps/s"
  [ "$target_p99" = "-" ] || target="${target:+$target, }p99 <= $target_p99 ms"
  target="${target:--}"
  rows+=("$(printf '%-15s %5s %10s %8s %8s %9s  %5s%%  %-26s %-4s %s' "$name" "$connections" "$rps" \
    "$p50" "$p99" "$max" "$(awk -v h="$hits" -v m="$misses" 'BEGIN { printf "%.0f", (h + m) ? 100 * m / (h + m) : 0 }')" \
    "$target" "$met" "${errors:-}")")
  info "$name, $connections connections: $rps requests/s, p50 $p50 ms, p99 $p99 ms"
}

step "Warming up (JIT) for $DURATION, not measured"
IDS="$root/hit-ids.txt" wrk -t2 -c16 -d"$DURATION" -s "$root/hits.lua" "$BASE" >/dev/null
IDS="$root/miss-ids.txt" wrk -t2 -c16 -d"$DURATION" -s "$root/misses.lua" "$BASE" >/dev/null
IDS="$root/listener-pairs.txt" wrk -t2 -c16 -d"$DURATION" -s "$root/listener-misses.lua" "$BASE" >/dev/null

step "Measuring ($DURATION per row)"
measure hit 1 "$root/hits.lua" "$root/hit-ids.txt" - -
measure hit 16 "$root/hits.lua" "$root/hit-ids.txt" 10000 5
measure miss 1 "$root/misses.lua" "$root/miss-ids.txt" - 20
measure miss 16 "$root/misses.lua" "$root/miss-ids.txt" - -
measure "miss, listener" 1 "$root/listener-misses.lua" "$root/listener-pairs.txt" - 20
measure "miss, listener" 16 "$root/listener-misses.lua" "$root/listener-pairs.txt" - -
redis_get="$(redis-benchmark -p "$REDIS_PORT" -t get -c 16 -n 200000 --csv 2>/dev/null |
  awk -F',' '/^"GET"/ { gsub(/"/, ""); printf "%.0f requests/s, p50 %s ms, p99 %s ms", $2, $5, $7 }')"
DATA_DIR="$root" REDIS_PORT="$REDIS_PORT" bash "$REPO_ROOT/ops/redis.sh" stop >/dev/null
measure "redis down" 16 "$root/hits.lua" "$root/hit-ids.txt" 2000 -

step "Results"
printf 'machine: %s cores (%s), %s MiB RAM, load average %s; %s events, %s users, %s tracks; wrk %s per row\n' \
  "$(nproc)" "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
  "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$EVENTS" "$BENCH_USERS" "$BENCH_TRACKS" "$DURATION"
printf 'app JVM: -Xmx%s %s\n' "$HEAP" "${BENCH_JAVA_OPTS:-(default collector, G1)}"
printf 'redis-benchmark GET, 16 connections, same Redis, same run: %s\n' "${redis_get:-n/a}"
printf '%-15s %5s %10s %8s %8s %9s  %6s  %-26s %-4s %s\n' case conns "requests/s" "p50 ms" "p99 ms" "max ms" misses target met errors
for row in "${rows[@]}"; do printf '%s\n' "$row"; done
