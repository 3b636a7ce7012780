"""The real local stack under the real-scheduler test: a Kafka broker whose clock the test sets,
the simulator, an oracle that reads the broker back, and Airflow's own processes.

Topics stamp records with the broker's arrival time (``LogAppendTime``), and the Beam job cuts
windows by that time, so an event belongs to the hour the *broker* received it in. To fill hours
that are already over, the broker runs under libfaketime with its clock set back (both the wall
and the monotonic clock, by a constant offset, so Kafka's timers stay consistent); it is
restarted with a new offset for each hour, and once more on the real clock before Airflow runs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from listening import contract

REPO_ROOT = Path(__file__).resolve().parents[2]
LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"
HOUR = timedelta(hours=1)


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run this test with ops/test-airflow-scheduler.sh")
    return value


def floor_hour(instant: datetime) -> datetime:
    return instant.replace(minute=0, second=0, microsecond=0)


class Broker:
    """``ops/kafka.sh`` on the test's ports, restartable with its clock moved."""

    def __init__(self, data_dir: str):
        self.data_dir = data_dir

    def _script(self, action: str, extra_env: dict | None = None) -> None:
        subprocess.run(
            ["bash", str(REPO_ROOT / "ops" / "kafka.sh"), action],
            env={**os.environ, "DATA_DIR": self.data_dir, **(extra_env or {})},
            check=True,
        )

    def start_at(self, broker_now: datetime | None) -> None:
        """(Re)starts the broker; its clock reads ``broker_now`` at this moment (None: real)."""
        self._script("stop")
        if broker_now is None:
            self._script("start")
            return
        offset = (broker_now - datetime.now(UTC)).total_seconds()
        self._script("start", {"LD_PRELOAD": LIBFAKETIME, "FAKETIME": f"{offset:+.0f}"})

    def stop(self) -> None:
        self._script("stop")


def simulate(bootstrap: str, *, seed: int, events: int) -> None:
    """Publishes ``events`` simulated records (the poller's simulator; it creates the topics)."""
    subprocess.run(
        [
            "java",
            "-jar",
            env("POLLER_JAR"),
            "simulate",
            f"--bootstrap-servers={bootstrap}",
            f"--seed={seed}",
            "--users=3",
            "--days=2",
            f"--max-events={events}",
            # Distinct seeds and end dates give distinct content, hence distinct event ids.
            f"--end-date={(datetime(2024, 6, 1) + timedelta(days=seed)).date()}",
        ],
        check=True,
    )


@dataclass
class HourOracle:
    records: int = 0
    streams: set = field(default_factory=set)  # distinct event ids of listening events
    plays: set = field(default_factory=set)


def broker_contents(bootstrap: str, play_threshold_ms: int) -> dict[datetime, HourOracle]:
    """What the broker holds, by hour of arrival: records, the distinct listening events (what
    silver keeps), and those of at least ``play_threshold_ms`` (what gold counts as plays)."""
    output = subprocess.run(
        [
            "java",
            "-cp",
            env("KAFKA_CLASSPATH"),
            str(Path(__file__).with_name("KafkaDump.java")),
            bootstrap,
            *contract.Topics.BATCH,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    hours: dict[datetime, HourOracle] = defaultdict(HourOracle)
    for line in output.splitlines():
        _topic, _partition, _offset, kind, timestamp, value = line.split("\t", 5)
        assert kind == "LogAppendTime", f"record timestamps must be arrival times: {line[:80]}"
        hour = floor_hour(datetime.fromtimestamp(int(timestamp) / 1000, UTC))
        oracle = hours[hour]
        oracle.records += 1
        event = json.loads(value)
        if event["event_type"] in contract.EventTypes.LISTENING:
            oracle.streams.add(event["event_id"])
            if event["ms_played"] >= play_threshold_ms:
                oracle.plays.add(event["event_id"])
    return dict(hours)


class AirflowProcesses:
    """API server, scheduler and DAG processor (LocalExecutor, SQLite) in a temporary home."""

    COMMANDS = (("api-server", "--port", "{port}"), ("scheduler",), ("dag-processor",))

    def __init__(self, airflow_bin: str, home: str, port: int, env: dict):
        self.airflow_bin = airflow_bin
        self.home = Path(home)
        self.port = port
        self.env = {**os.environ, **env}
        self.processes: list[subprocess.Popen] = []

    def migrate(self) -> None:
        log = self.home / "db-migrate.log"
        with open(log, "w") as out:
            subprocess.run(
                [self.airflow_bin, "db", "migrate"],
                env=self.env,
                stdout=out,
                stderr=out,
                check=True,
            )

    def start(self) -> None:
        for command in self.COMMANDS:
            argv = [self.airflow_bin, *(a.format(port=self.port) for a in command)]
            log = open(self.home / f"{command[0]}.log", "w")  # noqa: SIM115 - lives with its process
            self.processes.append(
                subprocess.Popen(argv, env=self.env, stdout=log, stderr=log, start_new_session=True)
            )

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        for process in self.processes:
            try:
                process.wait(timeout=max(1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes = []

    def check_alive(self) -> None:
        for command, process in zip(self.COMMANDS, self.processes, strict=True):
            if process.poll() is not None:
                log = (self.home / f"{command[0]}.log").read_text()[-3000:]
                raise AssertionError(f"airflow {command[0]} exited ({process.returncode}):\n{log}")
