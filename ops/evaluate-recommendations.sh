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
# KEEP_EVALUATION_DATA=1; a second run on the same folder reuses each built stage whose inputs
# are unchanged, so a ranker change re-scores without a dbt build), HELD_OUT_SHARE (0.2),
# SESSION_GAP_MINUTES (30), EVALUATION_TUNING (1: choose weights on the validation period and
# show them beside the served ones; 0: skip), DBT_DUCKDB_MEMORY_LIMIT, JAVA_OPTS (-Xmx6g).
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
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

# fingerprint FILES_OR_FOLDERS... -- WORDS...: one hash of the files' contents and the words, so a
# stage is rebuilt exactly when something it reads changed.
fingerprint() {
  local paths=()
  while [ "$1" != -- ]; do paths+=("$1"); shift; done
  shift
  {
    find "${paths[@]}" -type f -print0 | sort -z | xargs -0 -r sha256sum
    printf '%s\n' "$@"
  } | sha256sum | cut -c1-16
}

# fresh STAGE HASH: whether the stage was built from these inputs by an earlier run in $work.
fresh() { [ -f "$work/$1.built" ] && [ "$(cat "$work/$1.built")" = "$2" ]; }
built() { printf '%s\n' "$2" >"$work/$1.built"; }

step "dbt virtualenv"
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
info "$venv"

dbt_project_files=("$REPO_ROOT/dbt/dbt_project.yml" "$REPO_ROOT/dbt/macros" "$REPO_ROOT/dbt/seeds")
silver_hash="$(fingerprint "$source_dir" "${dbt_project_files[@]}" "$REPO_ROOT/dbt/models/bronze" \
  "$REPO_ROOT/dbt/models/silver" "$REPO_ROOT/dbt/fixtures/make_fixture_lake.py" \
  "$REPO_ROOT/recommender/src/main/java/io/listening/recommender/evaluation/TemporalSplit.java" \
  -- "$source_kind" "$held_out_share" "$session_gap")"
gold_hash="$(fingerprint "$REPO_ROOT/dbt/models/gold" -- "$silver_hash")"

lake="$work/lake"
if [ "$source_kind" = --exports ]; then
  if fresh lake "$silver_hash"; then
    info "reusing the lake $lake (same exports)"
  else
    step "Writing the exports of $source_dir into the lake $lake"
    rm -rf "$lake"
    export_args=()
    for folder in "$source_dir"/*/; do
      export_args+=(--export "$(basename "$folder")=$folder")
    done
    ((${#export_args[@]})) || die "$source_dir has no listener folders"
    "$venv/bin/python" "$REPO_ROOT/dbt/fixtures/make_fixture_lake.py" "$lake" "${export_args[@]}"
    built lake "$silver_hash"
  fi
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

if fresh split "$silver_hash"; then
  info "reusing the sessions and the split in $work (same lake, dbt project, share and gap)"
else
  rm -f "$work/split.built" "$work/gold-warehouses.built"
  step "Sessions of every play (silver, from the whole lake)"
  rm -rf "$work/full.duckdb" "$work/test-lake" "$work/validation-lake"
  dbt_models "$work/full.duckdb" "$lake" +int_plays_sessionized

  step "Temporal split: test and validation periods"
  evaluate split --warehouse "$work/full.duckdb" --lake "$lake" --out "$work" --held-out-share "$held_out_share"
  built split "$silver_hash"
fi

if fresh gold-warehouses "$gold_hash"; then
  info "reusing the gold models of both training periods (same gold models)"
else
  for period in test validation; do
    step "Gold recommendation models from the plays before the $period period"
    rm -f "$work/$period.duckdb"
    dbt_models "$work/$period.duckdb" "$work/$period-lake" \
      +path:models/gold/recommendations +track_co_occurrence +user_artist_affinity
  done
  built gold-warehouses "$gold_hash"
fi

step "Replaying the held-out sessions"
tuning_flag=()
[ "${EVALUATION_TUNING:-1}" = 1 ] || tuning_flag=(--no-tuning)
evaluate score --warehouse "$work/full.duckdb" --test-warehouse "$work/test.duckdb" \
  --validation-warehouse "$work/validation.duckdb" --held-out-share "$held_out_share" "${tuning_flag[@]}"
