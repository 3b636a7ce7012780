#!/usr/bin/env bash
# Tests the Snowflake load of beam-pipelines (io.listening.pipelines.snowflake) against fakesnow,
# a stand-in that speaks Snowflake's wire protocol over DuckDB: starts it on 127.0.0.1:$FAKESNOW_PORT
# (18765) in its own virtualenv, runs the load's unit tests and SnowflakeLoadIT (Maven profile
# fakesnow) with SNOWFLAKE_TEST_URL pointing at it, and stops it again.
#
#   ops/test-snowflake.sh [MAVEN_ARGS...]
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

port="${FAKESNOW_PORT:-18765}"

step "fakesnow virtualenv"
venv="$(ensure_venv fakesnow "$REPO_ROOT/ops/fakesnow/requirements.txt")"
info "$venv"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/test-snowflake.XXXXXX")"
fakesnow_pid=""
stop_fakesnow() {
  if [ -n "$fakesnow_pid" ]; then
    kill "$fakesnow_pid" 2>/dev/null || true
    wait "$fakesnow_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap stop_fakesnow EXIT
trap 'exit 130' INT TERM

if wait_for_port 127.0.0.1 "$port" 0; then
  die "port $port is in use; stop what listens there or set FAKESNOW_PORT"
fi
step "Starting fakesnow on 127.0.0.1:$port"
# TMPDIR: fakesnow keeps its stage files in temporary folders it never removes.
TMPDIR="$tmp" "$venv/bin/fakesnow" -s -p "$port" >"$tmp/fakesnow.log" 2>&1 &
fakesnow_pid=$!
if ! wait_for_port 127.0.0.1 "$port" 30; then
  cat "$tmp/fakesnow.log" >&2
  die "fakesnow did not listen on 127.0.0.1:$port within 30 s"
fi

step "Snowflake load tests against fakesnow"
export SNOWFLAKE_TEST_URL="jdbc:snowflake://127.0.0.1:$port/?ssl=off&account=fakesnow"
# fakesnow accepts any password; the tests read it from here as the job reads the real one.
export SNOWFLAKE_TEST_PASSWORD="fakesnow"
cd "$REPO_ROOT"
if ! mvn -B -pl beam-pipelines -am verify -Pfakesnow \
  -Dtest='io.listening.pipelines.snowflake.*Test' -Dsurefire.failIfNoSpecifiedTests=false "$@"; then
  info "last lines of the fakesnow log:"
  tail -n 40 "$tmp/fakesnow.log" >&2
  exit 1
fi
