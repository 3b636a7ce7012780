#!/usr/bin/env bash
# Runs every test of every part: the Maven modules (unit tests, then integration tests against an
# embedded Kafka broker, a real Redis, real DuckDB files and headless Chromium), the Beam job on a
# real Flink session cluster, its Snowflake load against the fakesnow stand-in, dbt on fixture data
# (on DuckDB, and on the snowflake target against fakesnow, compared with each other),
# the S3 lake against moto, the Airflow DAG tests, and an end-to-end run of the whole platform on a
# small simulation.
# Installs what it lacks (Debian packages, Python virtualenvs, Maven dependencies).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/node.sh
source "$REPO_ROOT/ops/lib/node.sh"

export REDIS_PORT="${TEST_REDIS_PORT:-6390}"
export DATA_DIR="$(mktemp -d /tmp/listening-test.XXXXXX)"
trap 'bash "$REPO_ROOT/ops/redis.sh" stop; rm -rf "$DATA_DIR"' EXIT
trap 'exit 130' INT TERM

step "Checking system packages"
ensure_apt_packages redis-server chromium chromium-driver curl jq
ensure_node
command -v java >/dev/null || die "Java 17 is required (java not found)"
command -v mvn >/dev/null || die "Maven is required (mvn not found)"

results=()
run_part() {
  local name="$1"
  shift
  step "Testing: $name"
  local started=$SECONDS
  if "$@"; then
    results+=("passed  $name ($((SECONDS - started)) s)")
  else
    results+=("FAILED  $name ($((SECONDS - started)) s)")
  fi
}

step "Starting Redis for the web app's integration tests"
bash "$REPO_ROOT/ops/redis.sh" start

run_part "Maven modules (events, poller, beam-pipelines, recommender, webapp)" \
  bash -c "cd '$REPO_ROOT' && mvn -B install"
run_part "Beam job on a real Flink session cluster" bash "$REPO_ROOT/ops/test-flink-cluster.sh"
run_part "Snowflake load against fakesnow" bash "$REPO_ROOT/ops/test-snowflake.sh"
run_part "dbt models and tests on fixture data" bash "$REPO_ROOT/ops/test-dbt.sh"
run_part "dbt on the snowflake target against fakesnow" bash "$REPO_ROOT/ops/test-dbt-snowflake.sh"
run_part "S3 lake against moto" bash "$REPO_ROOT/ops/test-s3.sh"
run_part "Airflow DAGs" bash "$REPO_ROOT/ops/test-airflow.sh"
run_part "Airflow real scheduler: catchup, rerun, retries and mail" bash "$REPO_ROOT/ops/test-airflow-scheduler.sh"
run_part "end to end: simulator to dashboard" bash "$REPO_ROOT/ops/e2e-test.sh"

step "Summary"
failed=0
for line in "${results[@]}"; do
  info "$line"
  case "$line" in FAILED*) failed=$((failed + 1)) ;; esac
done
printf '\nparts: %d passed, %d failed\n' "$((${#results[@]} - failed))" "$failed"
[ "$failed" -eq 0 ]
