#!/usr/bin/env bash
# Does the served model recover the simulator's planted related tracks? Run it on the warehouse of
# a simulation (`bash ops/run.sh` simulates by default): it writes the simulated catalogue's
# planted pairs (`poller simulate --dry-run --planted-pairs`, the same SIMULATOR_SEED,
# SIMULATOR_TRACKS and SIMULATOR_GENRES as the simulation, whose catalogue depends on nothing
# else) and prints, for the seeds played at least MIN_PLAYS times, how many of their planted
# related tracks each ranker puts in its 10 (recommender/README.md, "Simulated data").
#
#   ops/evaluate-planted.sh [WAREHOUSE]     default: the published warehouse under $DATA_DIR
#
# Environment: DATA_DIR (./data), SIMULATOR_SEED (42), SIMULATOR_TRACKS (5000), SIMULATOR_GENRES
# (12), MIN_PLAYS (20).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

warehouse="${1:-$(listening_program contract warehouse-path)}"
[ -f "$warehouse" ] || die "no warehouse at $warehouse: run bash ops/run.sh first, or pass its path"
work="$(mktemp -d "${TMPDIR:-/tmp}/evaluate-planted.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step "Building the simulator and the recommender (mvn -pl poller,recommender -am package)"
(cd "$REPO_ROOT" && mvn -B -q -pl poller,recommender -am package -DskipTests)

step "The simulated catalogue's planted pairs"
# The warehouse is copied: the check opens it read-only, but a published file may be renamed over
# by a build meanwhile.
cp "$warehouse" "$work/warehouse.duckdb"
java -jar "$REPO_ROOT/poller/target/poller.jar" simulate --dry-run --max-events=1 \
  --planted-pairs="$work/planted-pairs.csv"

step "Planted related tracks among each ranker's 10"
java -cp "$REPO_ROOT/recommender/target/recommender.jar" io.listening.recommender.evaluation.PlantedCheck \
  --warehouse "$work/warehouse.duckdb" --pairs "$work/planted-pairs.csv" --min-plays "${MIN_PLAYS:-20}"
