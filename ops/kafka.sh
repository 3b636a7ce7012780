#!/usr/bin/env bash
# Starts or stops a local single-node Kafka broker (KRaft, no ZooKeeper, no Docker).
#
#   ops/kafka.sh start    # listens on 127.0.0.1:$KAFKA_PORT, data in $DATA_DIR/kafka; the default
#                         # port is the contract's local Kafka address (LocalDefaults, 19092)
#   ops/kafka.sh stop
#
# The broker's classpath is resolved by Maven from ops/kafka/pom.xml on first use.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KAFKA_PORT="${KAFKA_PORT:-$(local_kafka_port)}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_DIR="${KAFKA_DIR:-$DATA_DIR/kafka}"
PID_FILE="$KAFKA_DIR/kafka.pid"

classpath() {
  local cp_file="$REPO_ROOT/ops/kafka/target/classpath.txt"
  if [ ! -s "$cp_file" ]; then
    info "resolving the Kafka broker classpath with Maven" >&2
    mvn -B -q -f "$REPO_ROOT/ops/kafka/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}

start() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    info "Kafka already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  mkdir -p "$KAFKA_DIR"
  local cp
  cp="$(classpath)"
  cat >"$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/logs
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ! -f "$KAFKA_DIR/logs/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid)"
    java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$KAFKA_DIR/server.properties" >/dev/null
  fi
  nohup java -Xmx512m -Dlog4j.configuration="file:$REPO_ROOT/ops/kafka/log4j.properties" \
    -cp "$cp" kafka.Kafka "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/kafka.out" 2>&1 &
  echo $! >"$PID_FILE"
  if ! wait_for_port 127.0.0.1 "$KAFKA_PORT" 60; then
    tail -20 "$KAFKA_DIR/kafka.out" >&2
    die "Kafka did not open 127.0.0.1:$KAFKA_PORT within 60 s (log: $KAFKA_DIR/kafka.out)"
  fi
  info "Kafka running (pid $(cat "$PID_FILE")) on 127.0.0.1:$KAFKA_PORT, data in $KAFKA_DIR"
}

stop() {
  stop_pid_file "$PID_FILE" Kafka
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: ops/kafka.sh start|stop" ;;
esac
