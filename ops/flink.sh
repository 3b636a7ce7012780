#!/usr/bin/env bash
# Starts, stops or reports a local standalone Flink 1.19 session cluster on loopback: one
# JobManager and one TaskManager (two slots), each its own java process. Jobs are submitted to it
# like to any Flink cluster (beam-pipelines/README.md, "On a Flink cluster").
#
#   ops/flink.sh start    # REST API and web UI on 127.0.0.1:$FLINK_REST_PORT (default 8081),
#                         # JobManager RPC on $FLINK_RPC_PORT (6123); pids, logs and temporary
#                         # files in $DATA_DIR/flink-$FLINK_REST_PORT
#   ops/flink.sh status   # exit 0 when both processes run
#   ops/flink.sh stop
#
# Flink's distribution is not on the reachable registries, so the cluster runs from Flink's module
# jars, resolved by Maven from ops/flink/pom.xml on first use; ops/flink/config.yaml is its
# configuration. The ports and folders are passed as `-D` dynamic properties.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

FLINK_REST_PORT="${FLINK_REST_PORT:-8081}"
FLINK_RPC_PORT="${FLINK_RPC_PORT:-6123}"
FLINK_DIR="${FLINK_DIR:-$DATA_DIR/flink-$FLINK_REST_PORT}"
CONF_DIR="$REPO_ROOT/ops/flink"
REST_URL="http://127.0.0.1:$FLINK_REST_PORT"
DYNAMIC_PROPERTIES=(
  -D "rest.port=$FLINK_REST_PORT"
  -D "jobmanager.rpc.port=$FLINK_RPC_PORT"
  -D "io.tmp.dirs=$FLINK_DIR/tmp"
)

classpath() {
  local cp_file="$CONF_DIR/target/classpath.txt"
  if [ ! -s "$cp_file" ]; then
    info "resolving the Flink cluster classpath with Maven" >&2
    mvn -B -q -f "$CONF_DIR/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}

running() { [ -f "$FLINK_DIR/$1.pid" ] && kill -0 "$(cat "$FLINK_DIR/$1.pid")" 2>/dev/null; }

# launch NAME MAIN_CLASS RESOURCE_COMMAND: starts one cluster process with the JVM options and
# resource properties Flink derives from the configuration (what Flink's own start scripts ask
# BashJavaUtils for; its two result lines are the JVM options and the `-D` properties).
launch() {
  local name="$1" main_class="$2" resource_command="$3"
  local cp resources
  cp="$(classpath)"
  resources="$(java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$resource_command" \
    --configDir "$CONF_DIR" "${DYNAMIC_PROPERTIES[@]}" | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' \
    | cut -d: -f2-)" || die "Flink could not derive the $name's resources from $CONF_DIR/config.yaml"
  local lines
  mapfile -t lines <<<"$resources"
  # Both lines are space-separated options without spaces inside, as Flink's scripts use them.
  # shellcheck disable=SC2086
  nohup java @"$CONF_DIR/jvm.options" ${lines[0]} \
    -Dlog.file="$FLINK_DIR/$name.log" -Dlog4j.configurationFile="file:$CONF_DIR/log4j2.properties" \
    -cp "$cp" "$main_class" --configDir "$CONF_DIR" "${DYNAMIC_PROPERTIES[@]}" ${lines[1]:-} \
    </dev/null >"$FLINK_DIR/$name.out" 2>&1 &
  echo $! >"$FLINK_DIR/$name.pid"
}

taskmanagers_registered() {
  curl -fsS "$REST_URL/overview" 2>/dev/null | jq -r '.taskmanagers' 2>/dev/null || echo 0
}

start() {
  ensure_apt_packages curl jq
  if running jobmanager && running taskmanager; then
    info "Flink already running (JobManager pid $(cat "$FLINK_DIR/jobmanager.pid"), TaskManager pid $(cat "$FLINK_DIR/taskmanager.pid")) on $REST_URL"
    return 0
  fi
  # Half a cluster (one process died) is stopped and started again whole.
  if running jobmanager || running taskmanager; then stop; fi
  if wait_for_port 127.0.0.1 "$FLINK_REST_PORT" 0; then
    die "port $FLINK_REST_PORT is taken by another process; set FLINK_REST_PORT"
  fi
  if wait_for_port 127.0.0.1 "$FLINK_RPC_PORT" 0; then
    die "port $FLINK_RPC_PORT is taken by another process; set FLINK_RPC_PORT"
  fi
  mkdir -p "$FLINK_DIR/tmp"
  # Both at once: the TaskManager retries its registration until the JobManager answers, and the
  # two JVMs warm up in parallel.
  launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    GET_JM_RESOURCE_PARAMS
  launch taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
  if ! wait_for_port 127.0.0.1 "$FLINK_REST_PORT" 60; then
    tail -20 "$FLINK_DIR/jobmanager.log" "$FLINK_DIR/jobmanager.out" >&2 || true
    stop
    die "the Flink JobManager did not open $REST_URL within 60 s (log: $FLINK_DIR/jobmanager.log)"
  fi
  local i
  for ((i = 0; i < 120; i++)); do
    [ "$(taskmanagers_registered)" -ge 1 ] && break
    running taskmanager || break
    sleep 0.5
  done
  if [ "$(taskmanagers_registered)" -lt 1 ]; then
    tail -20 "$FLINK_DIR/taskmanager.log" "$FLINK_DIR/taskmanager.out" >&2 || true
    stop
    die "the Flink TaskManager did not register with the JobManager within 60 s (log: $FLINK_DIR/taskmanager.log)"
  fi
  info "Flink running (JobManager pid $(cat "$FLINK_DIR/jobmanager.pid"), TaskManager pid $(cat "$FLINK_DIR/taskmanager.pid")) on $REST_URL, logs in $FLINK_DIR"
}

stop_process() {
  stop_pid_file "$FLINK_DIR/$1.pid" "Flink $1"
}

stop() {
  # The TaskManager first, so it does not spend its shutdown retrying a JobManager that is gone.
  stop_process taskmanager
  stop_process jobmanager
}

status() {
  local name state=0
  for name in jobmanager taskmanager; do
    if running "$name"; then
      info "Flink $name running (pid $(cat "$FLINK_DIR/$name.pid")), log $FLINK_DIR/$name.log"
    else
      info "Flink $name not running"
      state=1
    fi
  done
  if [ "$state" -eq 0 ]; then
    info "REST API on $REST_URL: $(curl -fsS "$REST_URL/overview" | jq -c '{taskmanagers, "slots-total", "slots-available", "jobs-running", "jobs-finished", "jobs-failed"}')"
  fi
  return "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: ops/flink.sh start|stop|status" ;;
esac
