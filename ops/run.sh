#!/usr/bin/env bash
# The whole platform on one machine: builds, starts Kafka and Redis, simulates about 100,000
# listening events, lands them in the Parquet lake with the Beam pipeline, builds the DuckDB
# warehouse with dbt and serves the dashboard on http://localhost:8080. Ctrl-C stops everything
# this script started.
#
# Configuration (environment): DATA_DIR (default ./data), SIMULATOR_USERS (110), SIMULATOR_DAYS (30),
# SIMULATOR_SEED (42), SIMULATOR_MAX_EVENTS (100000), KAFKA_PORT (19092), REDIS_PORT (6379),
# WEBAPP_PORT (8080), PLAY_THRESHOLD_MS (30000: a stream counts as a play from this many ms on).
# IMPORT_PATH=<your Spotify export folder or zip> (and IMPORT_USER, default "me") imports your own
# listening history instead of simulating one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/node.sh
source "$REPO_ROOT/ops/lib/node.sh"
source "$REPO_ROOT/ops/lib/stack.sh"

trap stop_started EXIT
trap 'exit 130' INT TERM

step "Checking system packages"
ensure_apt_packages redis-server curl jq
ensure_node
command -v java >/dev/null || die "Java 17 is required (java not found)"
command -v mvn >/dev/null || die "Maven is required (mvn not found)"
mkdir -p "$DATA_DIR"

build_modules
start_service kafka
start_service redis
if [ -n "${IMPORT_PATH:-}" ]; then
  step "Importing the Spotify export $IMPORT_PATH for user ${IMPORT_USER:-me}"
  java -jar "$REPO_ROOT/poller/target/poller.jar" import --bootstrap-servers="$KAFKA_BOOTSTRAP_SERVERS" \
    --path="$IMPORT_PATH" --user="${IMPORT_USER:-me}"
else
  simulate --users="${SIMULATOR_USERS:-110}" --days="${SIMULATOR_DAYS:-30}" \
    --seed="${SIMULATOR_SEED:-42}" --max-events="${SIMULATOR_MAX_EVENTS:-100000}" \
    --malformed-every="${SIMULATOR_MALFORMED_EVERY:-1000}"
fi
ingest
build_warehouse
step "Counting plays straight from the Parquet lake"
counted="$(lake_play_count)"
info "$(jq -r '"\(.plays) streams in the lake of at least \(.play_threshold_ms) ms (the threshold of build \(.build_id)); the dashboard counts plays: the same total unless one play arrived as several streams (live capture and an export of it) or some streams are podcasts"' <<<"$counted")"
start_webapp

step "Ready"
info "Dashboard:       http://localhost:$WEBAPP_PORT/"
info "API docs:        http://localhost:$WEBAPP_PORT/docs"
info "Recommendations: curl http://localhost:$WEBAPP_PORT/api/recommendations/<track_id>"
info "Press Ctrl-C to stop Kafka, Redis and the web app."
wait "$WEBAPP_PID"
