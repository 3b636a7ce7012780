#!/usr/bin/env bash
# The Flink cluster part of the test command: builds the bundled job jar and runs
# KafkaToLakeFlinkClusterIT, which starts a real Flink session cluster with ops/flink.sh (REST on
# 127.0.0.1:18181), submits the jar to it against an embedded Kafka broker and compares the lake
# with a direct-runner run of the same window. Resolves the cluster's classpath first, so its
# download is not counted against the test's timeouts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_apt_packages curl jq

step "Resolving the Flink cluster classpath"
mvn -B -q -f "$REPO_ROOT/ops/flink/pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$REPO_ROOT/ops/flink/target/classpath.txt"

step "Building the bundled job jar and running it on a Flink cluster"
cd "$REPO_ROOT"
mvn -B -pl beam-pipelines -am verify -Pbundle,flink-cluster
