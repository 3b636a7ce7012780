#!/usr/bin/env bash
# The real-scheduler test: Airflow's API server, scheduler and DAG processor (LocalExecutor,
# SQLite, temporary AIRFLOW_HOME) run this repo's DAGs against a real Kafka broker, the real Beam
# jar and real dbt on DuckDB (airflow/scheduler_tests/). Catchup fills three past hours, a cleared
# interval reruns to the same numbers, a forced failure retries with backoff and mails once to a
# local aiosmtpd server.
#
#   ops/test-airflow-scheduler.sh [PYTEST_ARGS...]     exit code: pytest's
#
# Ports: Kafka 29192 (controller 29193), Airflow API 18380 (log server 18393), SMTP 18325.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# libfaketime sets the broker's clock back, so records arrive in hours that are already over.
ensure_apt_packages faketime

work="$(mktemp -d "${TMPDIR:-/tmp}/airflow-scheduler-test.XXXXXX")"
export DATA_DIR="$work/data" KAFKA_PORT=29192 KAFKA_CONTROLLER_PORT=29193
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" AIRFLOW_API_PORT=18380 SMTP_PORT=18325
export SMTP_MAILBOX="$work/mail"
mkdir -p "$DATA_DIR"
smtp_pid=""
cleanup() {
  set +e
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null && wait "$smtp_pid" 2>/dev/null
  bash "$REPO_ROOT/ops/kafka.sh" stop >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Jars: the Beam pipeline and the simulator (reactor build, never installed)"
export PIPELINES_JAR="$REPO_ROOT/beam-pipelines/target/beam-pipelines.jar"
export POLLER_JAR="$REPO_ROOT/poller/target/poller.jar"
if [ ! -f "$PIPELINES_JAR" ] || [ ! -f "$POLLER_JAR" ]; then
  (cd "$REPO_ROOT" && mvn -B -q -pl beam-pipelines,poller -am package -DskipTests)
fi
info "$PIPELINES_JAR, $POLLER_JAR"

step "Virtualenvs: Airflow, the SMTP recorder, dbt"
venv="$(ensure_venv airflow "$REPO_ROOT/airflow/requirements.txt")"
smtp_venv="$(ensure_venv smtp "$REPO_ROOT/airflow/scheduler_tests/requirements-smtp.txt")"
ensure_venv dbt "$REPO_ROOT/dbt/requirements.txt" >/dev/null
export AIRFLOW_BIN="$venv/bin/airflow"
# The tasks' `bash` finds `java` and `flock` on the inherited PATH; Airflow's own commands too.
export PATH="$venv/bin:$PATH"

step "Kafka broker classpath"
bash "$REPO_ROOT/ops/kafka.sh" stop >/dev/null
KAFKA_CLASSPATH="$(cat "$REPO_ROOT/ops/kafka/target/classpath.txt" 2>/dev/null || true)"
if [ -z "$KAFKA_CLASSPATH" ]; then
  mvn -B -q -f "$REPO_ROOT/ops/kafka/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$REPO_ROOT/ops/kafka/target/classpath.txt"
  KAFKA_CLASSPATH="$(cat "$REPO_ROOT/ops/kafka/target/classpath.txt")"
fi
export KAFKA_CLASSPATH

step "SMTP recorder on 127.0.0.1:$SMTP_PORT (aiosmtpd, Maildir $SMTP_MAILBOX)"
# Not created here: aiosmtpd's Mailbox makes the Maildir (tmp/, new/, cur/) only if it is absent.
"$smtp_venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
  -c aiosmtpd.handlers.Mailbox "$SMTP_MAILBOX" >"$work/smtp.log" 2>&1 &
smtp_pid=$!
wait_for_port 127.0.0.1 "$SMTP_PORT" 30 || { cat "$work/smtp.log" >&2; die "aiosmtpd did not start"; }

step "pytest airflow/scheduler_tests"
cd "$REPO_ROOT/airflow"
status=0
"$venv/bin/python" -m pytest -p no:cacheprovider --rootdir=scheduler_tests --basetemp="$work/pytest" \
  -o pythonpath="dags scheduler_tests" scheduler_tests -x -v "$@" || status=$?
if [ "$status" -ne 0 ]; then
  for log in "$work"/pytest/airflow-home*/*.log; do
    [ -f "$log" ] && { printf '\n--- %s (last 40 lines)\n' "$log"; tail -40 "$log"; }
  done
fi
exit "$status"
