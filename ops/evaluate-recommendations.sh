#!/usr/bin/env bash
# Offline evaluation of recommendations (recommender/README.md): splits each listener's counted
# plays in time (the last 20% are the test period, the 20% before them the validation period),
# builds the gold models with dbt on the plays before each period only, replays the held-out
# sessions through the rankers the API serves and prints the comparison table.
#
#   ops/evaluate-recommendations.sh --exports DIR     one folder per listener of Spotify exports
#                                                     (basic or extended), named by the user id
#   ops/evaluate-recommendations.sh --lake DIR        a lake in the layout of docs/data-contracts.md
#
# Environment: EVALUATION_DIR (work folder, default a new temporary one, removed at the end unless
# KEEP_EVALUATION_DATA=1), HELD_OUT_SHARE (0.2), SESSION_GAP_MINUTES (30), EVALUATION_TUNING
# (1: choose weights on the validation period and show them beside the served ones; 0: skip),
# DBT_DUCKDB_MEMORY_LIMIT, JAVA_OPTS (default -Xmx6g).
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -eq 2 ] || usage
source_kind="$1"
source_dir="$(cd "$2" 2>/dev/null && pwd)" || die "$2 is not a folder"
case "$source_kind" in --exports | --lake) ;; *) usage ;; esac

held_out_share="${HELD_OUT_SHARE:-0.2}"
session_gap="${SESSION_GAP_MINUTES:-30}"
work="${EVALUATION_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/evaluate-recommendations.XXXXXX")}"
mkdir -p "$work"
if [ "${KEEP_EVALUATION_DATA:-0}" = 1 ] || [ -n "${EVALUATION_DIR:-}" ]; then
  trap 'info "kept the evaluation data in $work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

step "dbt virtualenv"
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
info "$venv"

lake="$work/lake"
if [ "$source_kind" = --exports ]; then
  step "Writing the exports of $source_dir into the lake $lake"
  export_args=()
  for folder in "$source_dir"/*/; do
    export_args+=(--export "$(basename "$folder")=$folder")
  done
  ((${#export_args[@]})) || die "$source_dir has no listener folders"
  "$venv/bin/python" "$REPO_ROOT/dbt/fixtures/make_fixture_lake.py" "$lake" "${export_args[@]}"
else
  lake="$source_dir"
fi

step "Building the recommender (mvn -pl recommender -am package)"
(cd "$REPO_ROOT" && mvn -q -pl recommender -am package -DskipTests)
jar="$REPO_ROOT/recommender/target/recommender.jar"
evaluate() { java ${JAVA_OPTS:--Xmx6g} -jar "$jar" "$@"; }

# dbt_models WAREHOUSE LAKE SELECTION...: dbt build (models and their data tests) of the selection
# into a new DuckDB file, with the evaluation's vars.
dbt_models() {
  local warehouse="$1" lake_dir="$2"
  shift 2
  (
    cd "$REPO_ROOT/dbt"
    DBT_PROFILES_DIR="$REPO_ROOT/dbt" DBT_DUCKDB_PATH="$warehouse" LAKE_DIR="$lake_dir" \
      DBT_TARGET_PATH="$work/dbt-target" DBT_LOG_PATH="$work/dbt-logs" DBT_SEND_ANONYMOUS_USAGE_STATS=false \
      "$venv/bin/dbt" --no-version-check --quiet build --exclude test_type:unit --indirect-selection cautious \
      --vars "{session_gap_minutes: $session_gap, recommendation_baselines: true}" --select "$@"
  )
}

step "Sessions of every play (silver, from the whole lake)"
dbt_models "$work/full.duckdb" "$lake" +int_plays_sessionized

step "Temporal split: test and validation periods"
evaluate split --warehouse "$work/full.duckdb" --lake "$lake" --out "$work" --held-out-share "$held_out_share"

for period in test validation; do
  step "Gold recommendation models from the plays before the $period period"
  dbt_models "$work/$period.duckdb" "$work/$period-lake" \
    +path:models/gold/recommendations +track_co_occurrence +user_artist_affinity
done

step "Replaying the held-out sessions"
tuning_flag=()
[ "${EVALUATION_TUNING:-1}" = 1 ] || tuning_flag=(--no-tuning)
evaluate score --warehouse "$work/full.duckdb" --test-warehouse "$work/test.duckdb" \
  --validation-warehouse "$work/validation.duckdb" --held-out-share "$held_out_share" "${tuning_flag[@]}"
