#!/usr/bin/env bash
# Builds and publishes the DuckDB warehouse, checks it, or checks the lake's freshness: wiring for
# the program `python -m listening.warehouse` (airflow/dags/listening/warehouse.py), which decides.
#
#   ops/dbt-build.sh [DBT_ARGS...]              dbt build into $DATA_DIR/warehouse/analytics.build.duckdb;
#                                               only if everything passed, renamed over analytics.duckdb
#   ops/dbt-build.sh --check [DBT_ARGS...]      dbt test on a copy of the published warehouse;
#                                               publishes nothing, e.g. `--check --select test_type:data`
#   ops/dbt-build.sh --freshness [DBT_ARGS...]  dbt source freshness of the lake; publishes nothing
#
# Reads the lake at $LAKE_DIR (default $DATA_DIR/lake). PLAY_THRESHOLD_MS (default 30000, set in
# dbt/dbt_project.yml) decides what counts as a play. Extra arguments go to dbt, e.g.
# `--select gold`. With a selection the build starts from a copy of the published warehouse, so the
# models left out keep their published contents. On failure the published file is left untouched.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mode=publish
case "${1:-}" in
--check) mode=check && shift ;;
--freshness) mode=freshness && shift ;;
esac

step "dbt virtualenv"
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
info "$venv"

step "Warehouse: $mode"
listening_program warehouse --dbt "$venv/bin/dbt" --project-dir "$REPO_ROOT/dbt" "$mode" "$@"
