#!/usr/bin/env bash
# End-to-end test of the run command's path on a small simulation, in a temporary data folder and on
# ports of its own: simulator -> Kafka -> Beam -> Parquet lake -> dbt -> DuckDB -> web app + Redis.
# Checks what a new user would: the dashboard's total equals the plays counted straight from the
# lake, recommendations are served and then cached, bad input gets a 4xx, a rerun adds nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

DATA_DIR="$(mktemp -d /tmp/listening-e2e.XXXXXX)"
export DATA_DIR KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 REDIS_PORT=6391 WEBAPP_PORT=18080
export LAKE_DIR="$DATA_DIR/lake"
source "$REPO_ROOT/ops/lib/stack.sh"

trap 'stop_started; rm -rf "$DATA_DIR"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
check() {
  local what="$1" expected="$2" actual="$3"
  if [ "$expected" = "$actual" ]; then
    info "ok: $what ($actual)"
    passed=$((passed + 1))
  else
    info "FAILED: $what: expected '$expected', got '$actual'"
    failed=$((failed + 1))
  fi
}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

for jar in poller/target/poller.jar beam-pipelines/target/beam-pipelines.jar webapp/target/webapp.jar; do
  [ -f "$REPO_ROOT/$jar" ] || build_modules
done
start_service kafka
start_service redis
simulate --users=20 --days=7 --seed=7 --end-date=2024-06-08 --malformed-every=500
ingest
build_warehouse
start_webapp

step "Checking the running platform"
base="http://127.0.0.1:$WEBAPP_PORT"
lake_plays="$(lake_play_count)"
dashboard_plays="$(curl -fsS "$base/api/stats/totals" | json_field "['total_plays']")"
check "total plays served equal distinct plays counted in the Parquet lake" "$lake_plays" "$dashboard_plays"
dead_letters="$(cat "$LAKE_DIR"/_manifests/*.json | json_field "['dead_letters']")"
check "every deliberately malformed record is a dead letter" "true" "$([ "$dead_letters" -gt 0 ] && echo true || echo false)"

venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
track="$("$venv/bin/python" -c "
import duckdb, sys
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.sql('select track_id from gold.track_co_occurrence order by co_occurrences desc, track_id limit 1').fetchone()[0])
" "$DATA_DIR/warehouse/analytics.duckdb")"
first="$(curl -fsS "$base/api/recommendations/$track?limit=5")"
second="$(curl -fsS "$base/api/recommendations/$track?limit=5")"
check "first recommendation call is a cache miss" "miss" "$(json_field "['cache']" <<<"$first")"
check "second identical call is served from Redis" "hit" "$(json_field "['cache']" <<<"$second")"
check "cached answer equals the computed one" \
  "$(json_field "['recommendations']" <<<"$first")" "$(json_field "['recommendations']" <<<"$second")"
check "malformed track id gets 400" "400" "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/recommendations/not-a-track")"
check "unknown track id gets 404" "404" "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/recommendations/0000000000000000000000")"
check "dashboard page is served" "200" "$(curl -s -o /dev/null -w '%{http_code}' "$base/")"

step "Rerunning the same simulation: nothing may be added"
simulate --users=20 --days=7 --seed=7 --end-date=2024-06-08 --malformed-every=500
ingest
build_warehouse
sleep 1
check "total plays unchanged after re-sending the same events" "$dashboard_plays" \
  "$(curl -fsS "$base/api/stats/totals" | json_field "['total_plays']")"

printf '\ne2e: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
