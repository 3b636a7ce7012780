#!/usr/bin/env bash
# Starts or stops Airflow locally on this repository's DAGs: API server (UI), scheduler and DAG
# processor, LocalExecutor, SQLite metadata DB in $AIRFLOW_HOME. For development; production runs
# the DAG files on an existing Airflow (airflow/README.md, "Deploy").
#
#   ops/airflow.sh start    # UI and API on http://127.0.0.1:$AIRFLOW_API_PORT (default 8280)
#   ops/airflow.sh stop
#
# AIRFLOW_HOME defaults to $DATA_DIR/airflow. Every variable of airflow/README.md
# ("Configuration") set in this environment reaches the DAGs, e.g. KAFKA_BOOTSTRAP_SERVERS.
# The UI lets everyone in as admin (simple auth manager, all admins): keep it on 127.0.0.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

AIRFLOW_API_PORT="${AIRFLOW_API_PORT:-8280}"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$DATA_DIR/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$REPO_ROOT/airflow/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__EXECUTOR=LocalExecutor
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS=True
export AIRFLOW__API__HOST=127.0.0.1
export AIRFLOW__API__PORT="$AIRFLOW_API_PORT"
# Workers reach the execution API on the same port; without this every task fails to start.
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="http://127.0.0.1:$AIRFLOW_API_PORT/execution/"
PROCESSES=(api-server scheduler dag-processor)

start() {
  local venv
  venv="$(ensure_venv airflow "$REPO_ROOT/airflow/requirements.txt")"
  export PATH="$venv/bin:$PATH"
  mkdir -p "$AIRFLOW_HOME"
  # One JWT secret for the API server and the scheduler, kept across restarts.
  if [ ! -s "$AIRFLOW_HOME/jwt-secret" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$AIRFLOW_HOME/jwt-secret")
  fi
  AIRFLOW__API_AUTH__JWT_SECRET="$(cat "$AIRFLOW_HOME/jwt-secret")"
  export AIRFLOW__API_AUTH__JWT_SECRET
  step "Airflow metadata DB ($AIRFLOW_HOME)"
  airflow db migrate >"$AIRFLOW_HOME/db-migrate.log" 2>&1 ||
    { tail -20 "$AIRFLOW_HOME/db-migrate.log" >&2; die "airflow db migrate failed"; }
  local name
  for name in "${PROCESSES[@]}"; do
    local pid_file="$AIRFLOW_HOME/$name.pid"
    if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      info "airflow $name already running (pid $(cat "$pid_file"))"
      continue
    fi
    nohup airflow "$name" >"$AIRFLOW_HOME/$name.log" 2>&1 &
    echo $! >"$pid_file"
    info "airflow $name started (pid $!), log $AIRFLOW_HOME/$name.log"
  done
  wait_for_port 127.0.0.1 "$AIRFLOW_API_PORT" 120 ||
    die "the Airflow API server did not open port $AIRFLOW_API_PORT (log: $AIRFLOW_HOME/api-server.log)"
  info "Airflow UI on http://127.0.0.1:$AIRFLOW_API_PORT; DAGs start paused: airflow dags unpause listening_hourly"
}

stop() {
  local i
  for ((i = ${#PROCESSES[@]} - 1; i >= 0; i--)); do
    stop_pid_file "$AIRFLOW_HOME/${PROCESSES[$i]}.pid" "airflow ${PROCESSES[$i]}"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: ops/airflow.sh start|stop" ;;
esac
