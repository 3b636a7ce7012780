#!/usr/bin/env bash
# Starts or stops a local Redis server on loopback (installs Debian's redis-server if missing).
#
#   ops/redis.sh start   # 127.0.0.1:$REDIS_PORT (default 6379), pid and log in $DATA_DIR/redis-$REDIS_PORT
#   ops/redis.sh stop
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DIR="${REDIS_DIR:-$DATA_DIR/redis-$REDIS_PORT}"
PID_FILE="$REDIS_DIR/redis.pid"

start() {
  ensure_apt_packages redis-server
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    info "Redis already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  if wait_for_port 127.0.0.1 "$REDIS_PORT" 0; then
    die "port $REDIS_PORT is taken by another process; set REDIS_PORT"
  fi
  mkdir -p "$REDIS_DIR"
  # A cache: no persistence, bounded memory, evict least recently used keys.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --maxmemory 256mb --maxmemory-policy allkeys-lru --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$PID_FILE" --logfile "$REDIS_DIR/redis.log"
  wait_for_port 127.0.0.1 "$REDIS_PORT" 20 || die "Redis did not open 127.0.0.1:$REDIS_PORT"
  for _ in $(seq 1 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
  info "Redis running (pid $(cat "$PID_FILE")) on 127.0.0.1:$REDIS_PORT"
}

stop() {
  stop_pid_file "$PID_FILE" Redis
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: ops/redis.sh start|stop" ;;
esac
