#!/usr/bin/env bash
# Tests the dbt project end to end: writes a small fixture lake into a temporary DATA_DIR, runs
# ops/dbt-build.sh against it (dbt models, data tests and unit tests), then checks exact numbers in
# the published gold tables, the play-threshold setting, the checks and the publishing rules with
# pytest (dbt/tests_py/).
#
#   ops/test-dbt.sh [PYTEST_ARGS...]
#
# Set KEEP_TEST_DATA=1 to keep the temporary DATA_DIR for a look afterwards.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

step "dbt virtualenv"
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
info "$venv"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/test-dbt.XXXXXX")"
if [ "${KEEP_TEST_DATA:-0}" = 1 ]; then
  trap 'info "kept test data in $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi
export DATA_DIR="$tmp/data"
export LAKE_DIR="$DATA_DIR/lake"
# Keep dbt's manifests and logs of test runs out of dbt/target and dbt/logs.
export DBT_TARGET_PATH="$tmp/dbt-target"
export DBT_LOG_PATH="$tmp/dbt-logs"
# The published fixture build uses the project's default play threshold; tests set their own.
unset PLAY_THRESHOLD_MS

step "Writing the fixture lake into $LAKE_DIR"
"$venv/bin/python" "$REPO_ROOT/dbt/fixtures/make_fixture_lake.py" "$LAKE_DIR"

step "Building the warehouse from the fixture lake"
bash "$REPO_ROOT/ops/dbt-build.sh"

# A publish runs the data tests; the unit tests (the models' logic on fixed inputs) run here.
step "dbt unit tests"
bash "$REPO_ROOT/ops/dbt-build.sh" --check --select "test_type:unit"

step "Checking the published warehouse"
cd "$REPO_ROOT"
# The tests compare the warehouse with the lake through the Python home of the contract.
PYTHONPATH="$REPO_ROOT/airflow/dags" "$venv/bin/python" -m pytest -p no:cacheprovider \
  "$REPO_ROOT/dbt/tests_py" "$@"
