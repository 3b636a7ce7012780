#!/usr/bin/env bash
# Builds the whole dbt project on the snowflake target against fakesnow, a stand-in that speaks
# Snowflake's protocol over DuckDB, and checks that it equals the DuckDB build of the same lake:
#   1. writes the fixture lake (dbt/fixtures/make_fixture_lake.py) and builds it on DuckDB
#      (ops/dbt-build.sh into a temporary DATA_DIR);
#   2. starts fakesnow on 127.0.0.1:$FAKESNOW_PORT (18766; ops/test-snowflake.sh uses 18765) in a
#      temporary folder, creates LAKE.PLAYS and LAKE.DEAD_LETTER and loads the lake's batches
#      into them as the Beam job's load does (dbt/tests_snowflake/snowflake_lake.py);
#   3. runs `dbt build --target snowflake` (seeds, models, data tests; then the unit tests) and compares
#      every silver and gold table with the DuckDB build, row for row (dbt/tests_snowflake/);
#   4. adds one more hour of lake rows (dbt/tests_snowflake/next_hour.csv), loads it, builds
#      Snowflake again, incrementally, and DuckDB afresh, and compares again.
# Where fakesnow differs from Snowflake: dbt/README.md, "Snowflake stand-in".
#
#   ops/test-dbt-snowflake.sh [PYTEST_ARGS...]
#
# Set KEEP_TEST_DATA=1 to keep the temporary folder (lake, DuckDB builds, dbt logs, fakesnow log).
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

port="${FAKESNOW_PORT:-18766}"
dbt_dir="$REPO_ROOT/dbt"
tests_dir="$dbt_dir/tests_snowflake"

step "Virtualenvs: dbt-snowflake, fakesnow"
venv="$(ensure_venv dbt-snowflake "$dbt_dir/requirements-snowflake.txt")"
info "$venv"
fakesnow_venv="$(ensure_venv fakesnow "$REPO_ROOT/ops/fakesnow/requirements.txt")"
info "$fakesnow_venv"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/test-dbt-snowflake.XXXXXX")"
fakesnow_pid=""
finish() {
  if [ -n "$fakesnow_pid" ]; then
    kill "$fakesnow_pid" 2>/dev/null || true
    wait "$fakesnow_pid" 2>/dev/null || true
  fi
  if [ "${KEEP_TEST_DATA:-0}" = 1 ]; then
    info "kept test data in $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap finish EXIT
trap 'exit 130' INT TERM

lake="$tmp/lake"
duckdb_data="$tmp/duckdb"
# Where ops/dbt-build.sh publishes, from the Python home of the contract.
duckdb_warehouse="$(PYTHONPATH="$REPO_ROOT/airflow/dags" python3 -c \
  'import sys; from listening import contract; print(contract.warehouse_path(sys.argv[1]))' "$duckdb_data")"
# The project's default play threshold on both sides.
unset PLAY_THRESHOLD_MS
# Every build here puts the users without a zone of their own in New York, not UTC, so that the
# local-time columns (listen_date, listen_hour, ...) are converted and compared too: the fixture's
# plays around midnight UTC fall on the evening before there.
build_vars='{default_time_zone: America/New_York}'

# build_duckdb: a fresh DuckDB build of $lake (ops/dbt-build.sh publishes it as $duckdb_warehouse).
build_duckdb() {
  DATA_DIR="$duckdb_data" LAKE_DIR="$lake" DBT_TARGET_PATH="$tmp/duckdb-target" \
    DBT_LOG_PATH="$tmp/duckdb-logs" bash "$REPO_ROOT/ops/dbt-build.sh" --vars "$build_vars"
}

# snowflake_env: the variables of dbt/profiles.yml for fakesnow (it accepts any user and password).
snowflake_env() {
  export DBT_TARGET=snowflake SNOWFLAKE_ACCOUNT=fakesnow SNOWFLAKE_USER=fake \
    DBT_ENV_SECRET_SNOWFLAKE_PASSWORD=fakesnow SNOWFLAKE_ROLE=listening_dbt \
    SNOWFLAKE_WAREHOUSE=listening_wh SNOWFLAKE_DATABASE=LISTENING SNOWFLAKE_HOST=127.0.0.1 \
    SNOWFLAKE_PORT="$port" SNOWFLAKE_PROTOCOL=http SNOWFLAKE_THREADS=1 \
    DBT_PROFILES_DIR="$dbt_dir" DBT_TARGET_PATH="$tmp/snowflake-target" \
    DBT_LOG_PATH="$tmp/snowflake-logs" DBT_SEND_ANONYMOUS_USAGE_STATS=false LAKE_DIR="$lake"
}

# build_snowflake [unit]: seeds, models and data tests, as a publish runs them on DuckDB (so that
# gold.data_quality_results lists the same tests on both); with "unit", the unit tests after.
build_snowflake() {
  if ! (snowflake_env && cd "$dbt_dir" && "$venv/bin/dbt" build --target snowflake --no-version-check \
    --vars "$build_vars" --exclude test_type:unit &&
    if [ "${1:-}" = unit ]; then
      "$venv/bin/dbt" test --target snowflake --no-version-check --vars "$build_vars" \
        --select test_type:unit
    fi); then
    info "last lines of the fakesnow log:"
    tail -n 40 "$tmp/fakesnow.log" >&2
    return 1
  fi
}

compare() {
  (snowflake_env && DUCKDB_WAREHOUSE="$duckdb_warehouse" "$venv/bin/python" -m pytest \
    -p no:cacheprovider "$tests_dir" "$@")
}

snowflake_lake() {
  (snowflake_env && "$venv/bin/python" "$tests_dir/snowflake_lake.py" "$@")
}

step "Writing the fixture lake into $lake"
"$venv/bin/python" "$dbt_dir/fixtures/make_fixture_lake.py" "$lake"

step "Building the fixture lake on DuckDB"
build_duckdb

if wait_for_port 127.0.0.1 "$port" 0; then
  die "port $port is in use; stop what listens there or set FAKESNOW_PORT"
fi
step "Starting fakesnow on 127.0.0.1:$port"
# TMPDIR: fakesnow keeps its stage files in temporary folders it never removes.
(cd "$tmp" && TMPDIR="$tmp" exec "$fakesnow_venv/bin/fakesnow" -s -p "$port") >"$tmp/fakesnow.log" 2>&1 &
fakesnow_pid=$!
if ! wait_for_port 127.0.0.1 "$port" 30; then
  cat "$tmp/fakesnow.log" >&2
  die "fakesnow did not listen on 127.0.0.1:$port within 30 s"
fi

step "Loading the lake into Snowflake (LAKE.PLAYS, LAKE.DEAD_LETTER)"
snowflake_lake setup
snowflake_lake load "$lake"

step "dbt build --target snowflake, then its unit tests"
build_snowflake unit

step "Comparing Snowflake with DuckDB, table by table"
compare "$@"

step "One more hour of lake rows ($tests_dir/next_hour.csv)"
"$venv/bin/python" "$tests_dir/snowflake_lake.py" append-csv "$tests_dir/next_hour.csv" "$lake"
snowflake_lake load "$lake"

step "dbt build --target snowflake, incremental"
build_snowflake
# The incremental models must have run into their tables, not been rebuilt: silver_streams as
# delete+insert by event_id, silver_plays appending after its pre-hook deleted the stale pairs.
run_sql="$tmp/snowflake-target/run/listening/models/silver"
grep -qi "delete from" "$run_sql/silver_streams.sql" ||
  die "the second Snowflake build did not build silver_streams incrementally"
grep -qi "insert into" "$run_sql/silver_plays.sql" ||
  die "the second Snowflake build did not build silver_plays incrementally"

step "Building the lake with the new hour on DuckDB, from scratch"
build_duckdb

step "Comparing the incremental Snowflake build with the full DuckDB build"
compare "$@"
