#!/usr/bin/env bash
# One pipeline run on the running platform: the Beam job reads what arrived in Kafka since the last
# run into the Parquet lake, then dbt builds the warehouse and publishes it. What the web app's
# "Run the pipeline now" (POST /api/admin/pipeline-runs) runs, with WEBAPP_PIPELINE_COMMAND set to
# `bash ops/pipeline-run.sh`, as ops/run.sh does.
#
# Needs the built jar (beam-pipelines/target/beam-pipelines.jar) and the broker at
# KAFKA_BOOTSTRAP_SERVERS; starts nothing and stops nothing. Configuration as for ops/run.sh:
# DATA_DIR, KAFKA_BOOTSTRAP_SERVERS (or KAFKA_PORT), LAKE_DIR, PLAY_THRESHOLD_MS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/stack.sh
source "$REPO_ROOT/ops/lib/stack.sh"

[ -f "$REPO_ROOT/beam-pipelines/target/beam-pipelines.jar" ] ||
  die "beam-pipelines/target/beam-pipelines.jar is missing: build it first (mvn -B -q install -DskipTests)"
ingest
build_warehouse
step "Pipeline run done"
