#!/usr/bin/env bash
# Tests the S3 lake against moto, a local server that speaks the S3 protocol: KafkaToLake writes
# s3://listening-s3-test/lake through Beam's S3 filesystem (KafkaToLakeS3IT, Maven profile
# s3-lake: same rows as a local-folder run, a rerun adds no object), then ops/dbt-build.sh builds
# the warehouse from the bucket and pytest (dbt/tests_s3/) checks bronze, gold and the lake tools
# against the bucket's manifests.
#
#   ops/test-s3.sh [PYTEST_ARGS...]
#
# moto listens on 127.0.0.1:$MOTO_PORT (default 15000). Set KEEP_TEST_DATA=1 to keep the temporary
# DATA_DIR (warehouse, moto's log) for a look afterwards.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

export MOTO_PORT="${MOTO_PORT:-15000}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/test-s3.XXXXXX")"
export DATA_DIR="$tmp/data"
if [ "${KEEP_TEST_DATA:-0}" = 1 ]; then
  trap 'bash "$REPO_ROOT/ops/moto.sh" stop; info "kept test data in $tmp"' EXIT
else
  trap 'bash "$REPO_ROOT/ops/moto.sh" stop; rm -rf "$tmp"' EXIT
fi
trap 'exit 130' INT TERM

# Everything reaches moto through the AWS SDKs' standard variables, as it would reach AWS; moto
# accepts any key. No profile file or instance metadata may answer instead.
export AWS_ACCESS_KEY_ID=listening-test AWS_SECRET_ACCESS_KEY=listening-test AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL
# Python (s3fs, botocore) takes the endpoint from the environment; the Beam job from --endpoint.
export AWS_ENDPOINT_URL_S3="http://127.0.0.1:$MOTO_PORT"
# A host name, not the IP: the job must then address the bucket path-style to reach it.
export LISTENING_S3_TEST_ENDPOINT="http://localhost:$MOTO_PORT"
export LISTENING_S3_TEST_LAKE="s3://listening-s3-test/lake"
export LAKE_DIR="$LISTENING_S3_TEST_LAKE"
export DBT_TARGET_PATH="$tmp/dbt-target" DBT_LOG_PATH="$tmp/dbt-logs"
unset PLAY_THRESHOLD_MS

step "Starting moto on 127.0.0.1:$MOTO_PORT"
bash "$REPO_ROOT/ops/moto.sh" start

step "KafkaToLake on S3 (KafkaToLakeS3IT)"
(cd "$REPO_ROOT" && mvn -B -pl beam-pipelines -am verify -Ps3-lake \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false)

step "Building the warehouse from $LAKE_DIR"
bash "$REPO_ROOT/ops/dbt-build.sh"

step "Checking the warehouse and the lake tools against the bucket"
venv="$(ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt")"
cd "$REPO_ROOT"
PYTHONPATH="$REPO_ROOT/airflow/dags" "$venv/bin/python" -m pytest -p no:cacheprovider \
  "$REPO_ROOT/dbt/tests_s3" "$@"
