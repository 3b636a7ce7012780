#!/usr/bin/env bash
# Builds the warehouse with dbt and publishes it atomically.
#
#   ops/dbt-build.sh [DBT_ARGS...]          dbt build (models + tests) into
#                                           $DATA_DIR/warehouse/analytics.build.duckdb, then, only if
#                                           it passed, renames it over analytics.duckdb
#   ops/dbt-build.sh --freshness [ARGS...]  dbt source freshness of the lake (nothing is published)
#
# Reads the lake at $LAKE_DIR (default $DATA_DIR/lake). Extra arguments go to dbt, e.g.
# `--select gold`, `--vars '{play_threshold_ms: 20000}'`. With a selection (-s/--select/--exclude/
# --selector) the build starts from a copy of the published warehouse, so the models left out keep
# their published contents. Readers that hold the published file open keep reading the old build;
# new connections see the new one. On failure the published file is left untouched.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mode=build
if [ "${1:-}" = "--freshness" ]; then
  mode=freshness
  shift
fi

DBT_DIR="$REPO_ROOT/dbt"
WAREHOUSE_DIR="$DATA_DIR/warehouse"
PUBLISHED="$WAREHOUSE_DIR/analytics.duckdb"
BUILD="$WAREHOUSE_DIR/analytics.build.duckdb"
LAKE_DIR="${LAKE_DIR:-$DATA_DIR/lake}"

case "$DATA_DIR" in /*) ;; *) die "DATA_DIR must be an absolute path, got '$DATA_DIR'" ;; esac
case "$LAKE_DIR" in /* | *://*) ;; *) die "LAKE_DIR must be an absolute path or a URI, got '$LAKE_DIR'" ;; esac

step "dbt virtualenv"
venv="$(ensure_venv dbt "$DBT_DIR/requirements.txt")"
info "$venv"

export LAKE_DIR
export DBT_PROFILES_DIR="$DBT_DIR"
export DBT_PROJECT_DIR="$DBT_DIR"
export DBT_TARGET="${DBT_TARGET:-duckdb}"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
export DBT_VERSION_CHECK=false
dbt=("$venv/bin/dbt" --no-version-check --no-send-anonymous-usage-stats)
[ -t 1 ] || dbt+=(--no-use-colors)

if [ "$mode" = freshness ]; then
  step "dbt source freshness (lake $LAKE_DIR)"
  # Sources are read in place; no database file is needed.
  DBT_DUCKDB_PATH=":memory:" "${dbt[@]}" source freshness "$@" || die "dbt source freshness failed"
  exit 0
fi

[ "$DBT_TARGET" = duckdb ] || die "ops/dbt-build.sh builds the DuckDB warehouse; run dbt directly for target '$DBT_TARGET'"

mkdir -p "$WAREHOUSE_DIR"
# One build at a time: two builds would write the same build file.
exec 9>"$WAREHOUSE_DIR/.dbt-build.lock"
flock -n 9 || die "another dbt build is running (lock $WAREHOUSE_DIR/.dbt-build.lock)"

step "Preparing $BUILD"
rm -f "$BUILD" "$BUILD.wal"
selective=false
for arg in "$@"; do
  case "$arg" in -s | --select | --select=* | -m | --models | --models=* | --exclude | --exclude=* | --selector | --selector=*) selective=true ;; esac
done
if $selective && [ -f "$PUBLISHED" ]; then
  cp "$PUBLISHED" "$BUILD"
  info "selective build: starting from a copy of $PUBLISHED"
else
  info "full build into a new file"
fi

step "dbt build (lake $LAKE_DIR)"
export DBT_DUCKDB_PATH="$BUILD"
if ! "${dbt[@]}" build "$@"; then
  die "dbt build failed; $PUBLISHED was left untouched (failed build kept at $BUILD)"
fi

step "Checkpointing $BUILD"
# dbt closed its connection, which checkpoints; opening and checkpointing again replays a
# leftover WAL, if any, into the file so the published file is complete on its own.
"$venv/bin/python" - "$BUILD" <<'PY'
import sys
import duckdb
con = duckdb.connect(sys.argv[1])
con.execute("checkpoint")
con.close()
PY
[ ! -e "$BUILD.wal" ] || die "$BUILD.wal is still there after the checkpoint; not publishing"

step "Publishing $PUBLISHED"
mv -f "$BUILD" "$PUBLISHED"
info "renamed $BUILD -> $PUBLISHED"

step "Gold row counts"
"$venv/bin/python" - "$PUBLISHED" <<'PY'
import sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = [row[0] for row in con.execute(
    "select table_name from information_schema.tables where table_schema = 'gold' order by table_name"
).fetchall()]
for table in tables:
    count = con.execute(f'select count(*) from gold."{table}"').fetchone()[0]
    print(f"    gold.{table:<24} {count:>10} rows")
build_id, built_at = con.execute("select build_id, built_at from gold.build_info").fetchone()
print(f"    build {build_id} at {built_at} UTC")
con.close()
PY
