#!/usr/bin/env bash
# Runs the Airflow DAG tests (airflow/tests) in the Airflow venv, against a throw-away AIRFLOW_HOME.
# Usage: ops/test-airflow.sh [pytest args...]   Exit code: pytest's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

step "Airflow virtualenv"
venv="$(ensure_venv airflow "$REPO_ROOT/airflow/requirements.txt")"
info "$venv ($("$venv/bin/python" -c 'import airflow; print("Airflow", airflow.__version__)' 2>/dev/null))"

step "Temporary AIRFLOW_HOME with a migrated metadata DB"
AIRFLOW_HOME="$(mktemp -d "${TMPDIR:-/tmp}/airflow-home.XXXXXX")"
trap 'rm -rf "$AIRFLOW_HOME"' EXIT
export AIRFLOW_HOME
export AIRFLOW__CORE__DAGS_FOLDER="$REPO_ROOT/airflow/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
info "$AIRFLOW_HOME"
"$venv/bin/airflow" db migrate >"$AIRFLOW_HOME/db-migrate.log" 2>&1 ||
  { cat "$AIRFLOW_HOME/db-migrate.log" >&2; die "airflow db migrate failed"; }
touch "$AIRFLOW_HOME/.db-migrated"

step "pytest airflow/tests"
cd "$REPO_ROOT/airflow"
status=0
"$venv/bin/python" -m pytest "$@" || status=$?
exit "$status"
