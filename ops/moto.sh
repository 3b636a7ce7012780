#!/usr/bin/env bash
# Starts or stops moto, a local server that speaks the S3 protocol, on loopback (for the S3 tests;
# it keeps everything in memory and accepts any credentials).
#
#   ops/moto.sh start   # http://127.0.0.1:$MOTO_PORT (default 15000), pid and log in $DATA_DIR/moto-$MOTO_PORT
#   ops/moto.sh stop
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

MOTO_PORT="${MOTO_PORT:-15000}"
MOTO_DIR="${MOTO_DIR:-$DATA_DIR/moto-$MOTO_PORT}"
PID_FILE="$MOTO_DIR/moto.pid"

start() {
  local venv
  venv="$(ensure_venv moto "$REPO_ROOT/ops/moto/requirements.txt")"
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    info "moto already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$MOTO_PORT"
    return 0
  fi
  if wait_for_port 127.0.0.1 "$MOTO_PORT" 0; then
    die "port $MOTO_PORT is taken by another process; set MOTO_PORT"
  fi
  mkdir -p "$MOTO_DIR"
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$MOTO_PORT" >"$MOTO_DIR/moto.log" 2>&1 &
  echo $! >"$PID_FILE"
  wait_for_port 127.0.0.1 "$MOTO_PORT" 30 || die "moto did not open 127.0.0.1:$MOTO_PORT (log: $MOTO_DIR/moto.log)"
  info "moto running (pid $(cat "$PID_FILE")) on 127.0.0.1:$MOTO_PORT"
}

stop() {
  stop_pid_file "$PID_FILE" moto
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: ops/moto.sh start|stop" ;;
esac
