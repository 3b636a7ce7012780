# shellcheck shell=bash
# The benchmarks' warehouses, cached per size: bench_warehouse EVENTS prints the path of a
# warehouse built (ops/dbt-build.sh --full-refresh) from a synthetic lake of EVENTS events
# (ops/bench/synthetic_lake.py, BENCH_USERS users, BENCH_TRACKS tracks), building what is missing.
# A 10M-event lake takes about 11 minutes to write and its warehouse 15 to 25 to build on 2 cores,
# so both are kept between runs: the lake under a key of synthetic_lake.py and the sizes, the
# warehouse under that key and the dbt project's files. A changed model rebuilds the warehouse from
# the cached lake; only the newest lake and warehouse of each size are kept.
#
#   BENCH_USERS       users of the synthetic lake (default 3000)
#   BENCH_TRACKS      tracks, Zipf-like popularity (default 50000)
#   BENCH_CACHE_DIR   where lakes and warehouses are kept (default
#                     ~/.cache/listening-platform/bench-warehouses)
#   BENCH_REBUILD=1   builds the lake and the warehouse again even when cached
#
# Needs common.sh sourced first. The build's own output goes to the warehouse folder's build.log.

BENCH_USERS="${BENCH_USERS:-3000}"
BENCH_TRACKS="${BENCH_TRACKS:-50000}"
BENCH_CACHE_DIR="${BENCH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/listening-platform/bench-warehouses}"

# _bench_keep_only_newest GLOB KEEP: removes the cached entries matching GLOB but KEEP.
_bench_keep_only_newest() {
  local entry
  for entry in $1; do
    [ -e "$entry" ] && [ "$entry" != "$2" ] && rm -rf "$entry"
  done
  return 0
}

bench_warehouse() {
  local events="$1" venv lake_hash dbt_hash key lake_dir warehouse_dir warehouse
  venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
  mkdir -p "$BENCH_CACHE_DIR"
  lake_hash="$(sha256sum "$REPO_ROOT/ops/bench/synthetic_lake.py" | cut -c1-12)"
  dbt_hash="$(cd "$REPO_ROOT" && git ls-files -co --exclude-standard -- dbt airflow/dags/listening |
    grep -v '^dbt/tests_' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)"
  key="$events-$BENCH_USERS-$BENCH_TRACKS-$lake_hash"
  lake_dir="$BENCH_CACHE_DIR/lake-$key"
  warehouse_dir="$BENCH_CACHE_DIR/warehouse-$key-$dbt_hash"
  warehouse="$(DATA_DIR="$warehouse_dir" listening_program contract warehouse-path)"
  if [ "${BENCH_REBUILD:-0}" = 1 ]; then rm -rf "$lake_dir" "$warehouse_dir"; fi

  if [ -f "$warehouse_dir/complete" ]; then
    info "reusing the cached warehouse $warehouse" >&2
    printf '%s\n' "$warehouse"
    return 0
  fi
  if [ -f "$lake_dir/complete" ]; then
    info "reusing the cached lake $lake_dir" >&2
  else
    step "Synthetic lake of $events events ($BENCH_USERS users, $BENCH_TRACKS tracks)" >&2
    rm -rf "$lake_dir"
    "$venv/bin/python" "$REPO_ROOT/ops/bench/synthetic_lake.py" "$lake_dir/lake" "$lake_dir/next-hour" \
      --events "$events" --users "$BENCH_USERS" --tracks "$BENCH_TRACKS" --hour-events 1 >&2
    touch "$lake_dir/complete"
    _bench_keep_only_newest "$BENCH_CACHE_DIR/lake-$events-*" "$lake_dir"
  fi

  step "Warehouse of $events events: ops/dbt-build.sh --full-refresh" >&2
  rm -rf "$warehouse_dir"
  mkdir -p "$warehouse_dir"
  DATA_DIR="$warehouse_dir" LAKE_DIR="$lake_dir/lake" DBT_TARGET_PATH="$warehouse_dir/target" \
    DBT_LOG_PATH="$warehouse_dir/logs" bash "$REPO_ROOT/ops/dbt-build.sh" --full-refresh \
    >"$warehouse_dir/build.log" 2>&1 || {
    tail -30 "$warehouse_dir/build.log" >&2
    rm -rf "$warehouse_dir"
    die "the dbt build of $events events failed (log above)"
  }
  rm -rf "$warehouse_dir/target"
  touch "$warehouse_dir/complete"
  _bench_keep_only_newest "$BENCH_CACHE_DIR/warehouse-$events-*" "$warehouse_dir"
  printf '%s\n' "$warehouse"
}
