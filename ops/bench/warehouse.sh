#!/usr/bin/env bash
# Builds (or finds) the benchmarks' cached warehouse of each size and prints its path, so a slow
# 10M-event build can run ahead of the timing runs of ops/bench/api.sh and ops/bench/dashboard.sh.
#
#   ops/bench/warehouse.sh [EVENTS ...]      (default 1000000)
#
# Configured like those benchmarks: BENCH_USERS, BENCH_TRACKS, BENCH_CACHE_DIR, BENCH_REBUILD
# (ops/lib/bench-warehouse.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
# shellcheck source=../lib/bench-warehouse.sh
source "$REPO_ROOT/ops/lib/bench-warehouse.sh"

(($#)) || set -- 1000000
for events in "$@"; do
  bench_warehouse "$events"
done
