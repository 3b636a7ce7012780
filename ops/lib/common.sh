# Shared helpers for the ops scripts. Source it; do not run it.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT
DATA_DIR="${DATA_DIR:-$REPO_ROOT/data}"
export DATA_DIR
# Virtualenvs live outside the clone, keyed by the hash of their requirements file, so a fresh
# clone on the same machine reuses them and a changed pin builds a new one.
VENV_ROOT="${VENV_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/listening-platform/venvs}"

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ensure_apt_packages PKG...: installs the Debian packages that are missing.
ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    info "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# ensure_venv NAME REQUIREMENTS_FILE: prints the path of a virtualenv with exactly these pins.
ensure_venv() {
  local name="$1" requirements="$2"
  local hash
  hash="$(sha256sum "$requirements" | cut -c1-12)"
  local venv="$VENV_ROOT/$name-$hash"
  if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv/.complete" ]; then
    info "creating Python virtualenv $venv from $requirements" >&2
    rm -rf "$venv"
    mkdir -p "$VENV_ROOT"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >&2
    "$venv/bin/pip" install --quiet -r "$requirements" >&2
    touch "$venv/.complete"
  fi
  printf '%s\n' "$venv"
}

# stop_pid_file PID_FILE NAME: stops the process a start command recorded in PID_FILE (TERM, then
# KILL after 20 s), removes the file and says so; nothing to do when the file is absent.
stop_pid_file() {
  local pid_file="$1" name="$2"
  [ -f "$pid_file" ] || return 0
  local pid
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  info "$name stopped"
}

# wait_for_port HOST PORT SECONDS: waits until a TCP port accepts connections.
wait_for_port() {
  local host="$1" port="$2" seconds="$3"
  local i
  for ((i = 0; i <= seconds * 10; i++)); do
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# listening_program MODULE ARGS...: runs one of the platform's Python programs,
# `python -m listening.MODULE ARGS...` (airflow/dags/listening/), in the dbt virtualenv, which has
# dbt and DuckDB. The programs decide; the scripts only wire them.
listening_program() {
  local module="$1"
  shift
  local venv
  venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
  PYTHONPATH="$REPO_ROOT/airflow/dags${PYTHONPATH:+:$PYTHONPATH}" \
    "$venv/bin/python" -m "listening.$module" "$@"
}

# local_kafka_port: the port of the contract's local Kafka address, where ops/kafka.sh listens
# unless KAFKA_PORT says otherwise.
local_kafka_port() {
  local address
  address="$(listening_program contract kafka-bootstrap-servers)"
  printf '%s\n' "${address##*:}"
}
