# The steps of the local stack, shared by ops/run.sh and ops/e2e-test.sh. Source after common.sh.
# shellcheck shell=bash

# The broker ops/kafka.sh starts listens on 127.0.0.1:$KAFKA_PORT; the default port is the
# contract's local Kafka address (listening.contract).
KAFKA_PORT="${KAFKA_PORT:-$(local_kafka_port)}"
KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"
LAKE_DIR="${LAKE_DIR:-$(listening_program contract lake-dir)}"
WEBAPP_PORT="${WEBAPP_PORT:-8080}"
export KAFKA_PORT KAFKA_BOOTSTRAP_SERVERS LAKE_DIR WEBAPP_PORT

STARTED=()  # what this script started, stopped in reverse order on exit
WEBAPP_PID=""

# Idempotent, and never stops halfway: Ctrl-C may also have killed whatever reads our output
# (a pipe to tee), so failed writes and failed steps must not end the clean-up, and a second
# Ctrl-C (or the INT a wrapper such as timeout forwards) must not interrupt it.
stop_started() {
  set +e
  trap '' PIPE INT TERM
  if [ -n "$WEBAPP_PID" ] && kill -0 "$WEBAPP_PID" 2>/dev/null; then
    kill "$WEBAPP_PID" 2>/dev/null || true
    wait "$WEBAPP_PID" 2>/dev/null || true
    info "web app stopped"
  fi
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    bash "$REPO_ROOT/ops/${STARTED[$i]}.sh" stop || true
  done
  STARTED=()
  WEBAPP_PID=""
}

build_modules() {
  step "Building the Java modules (Maven; first run downloads dependencies)"
  (cd "$REPO_ROOT" && mvn -B -q install -DskipTests)
}

start_service() {
  local name="$1"
  step "Starting $name"
  bash "$REPO_ROOT/ops/$name.sh" start
  STARTED+=("$name")
}

simulate() {
  step "Simulating listening history into Kafka ($*)"
  java -jar "$REPO_ROOT/poller/target/poller.jar" simulate \
    --bootstrap-servers="$KAFKA_BOOTSTRAP_SERVERS" "$@"
}

# The end of the last window already in the lake (from the Beam manifests), so every run reads
# only what arrived since.
last_window_end() {
  listening_program lake last-window-end
}

ingest() {
  local start
  start="$(last_window_end)"
  step "Running the Beam pipeline: Kafka -> Parquet lake (direct runner, window from $start to now)"
  java -Xmx2g -jar "$REPO_ROOT/beam-pipelines/target/beam-pipelines.jar" \
    --bootstrapServers="$KAFKA_BOOTSTRAP_SERVERS" --lakeDir="$LAKE_DIR" --windowStart="$start"
}

# Publishes a new warehouse build. PLAY_THRESHOLD_MS, if set, decides what counts as a play.
build_warehouse() {
  step "Building the warehouse with dbt (bronze -> silver -> gold) and publishing it"
  bash "$REPO_ROOT/ops/dbt-build.sh"
}

# The plays counted straight from the Parquet files, independently of dbt, with the play threshold
# the published build recorded: JSON {"plays", "play_threshold_ms", "build_id"}.
lake_play_count() {
  listening_program lake play-count
}

# The web app's "Run the pipeline now" runs ops/pipeline-run.sh (the ingest and build_warehouse
# steps above) unless WEBAPP_PIPELINE_COMMAND says otherwise.
start_webapp() {
  step "Starting the web app on http://localhost:$WEBAPP_PORT"
  (cd "$REPO_ROOT" && DATA_DIR="$DATA_DIR" WEBAPP_PORT="$WEBAPP_PORT" \
    WEBAPP_PIPELINE_COMMAND="${WEBAPP_PIPELINE_COMMAND:-bash ops/pipeline-run.sh}" \
    WEBAPP_PIPELINE_DIRECTORY="${WEBAPP_PIPELINE_DIRECTORY:-$REPO_ROOT}" \
    exec java -Xmx1g -jar webapp/target/webapp.jar >"$DATA_DIR/webapp.log" 2>&1) &
  WEBAPP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$WEBAPP_PORT/api/stats/totals" 2>/dev/null; then
      info "web app up (pid $WEBAPP_PID), log in $DATA_DIR/webapp.log"
      return 0
    fi
    kill -0 "$WEBAPP_PID" 2>/dev/null || break
    sleep 1
  done
  tail -30 "$DATA_DIR/webapp.log" >&2
  die "the web app did not answer on port $WEBAPP_PORT"
}
