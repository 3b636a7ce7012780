"""A real Airflow scheduler keeps the platform current: catchup fills gold hour by hour, a cleared
interval reruns to the same numbers, and a failing task retries with backoff, then mails once.

Runs only through ``ops/test-airflow-scheduler.sh``, which builds the jars, starts the SMTP
recorder and exports the settings read below. The tests run in order on one shared scenario.
"""

from __future__ import annotations

import mailbox
import os
import secrets
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import httpx
import pytest
import stack
from stack import HOUR, floor_hour

from listening import contract, lake

DAG_ID = "listening_hourly"
PLAY_THRESHOLD_MS = 30000
RETRY_DELAY_SECONDS = 3
# Records the simulator publishes into each of the three hours the catchup runs.
EVENTS_PER_HOUR = (40, 25, 30)
LATE_EVENTS = 10  # published on the real clock, in the hour that is still open
ALERT_TO = "oncall@listening.test"


class Api:
    """Airflow's REST API (v2); the simple auth manager lets every request in as admin."""

    def __init__(self, port: int, airflow: stack.AirflowProcesses):
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v2", timeout=30)
        self.airflow = airflow

    def call(self, method: str, path: str, **kwargs) -> dict:
        response = self.client.request(method, path, **kwargs)
        assert response.status_code < 300, (
            f"{method} {path}: {response.status_code}: {response.text}"
        )
        return response.json() if response.content else {}

    def runs(self) -> list[dict]:
        runs = self.call("GET", f"/dags/{DAG_ID}/dagRuns", params={"limit": 100})["dag_runs"]
        return sorted(runs, key=lambda r: r["data_interval_start"])

    def wait(self, what: str, condition, timeout: float):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.airflow.check_alive()
            try:
                result = condition()
            except httpx.HTTPError:
                result = None
            if result:
                return result
            time.sleep(3)
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")

    def wait_for_runs(self, states: dict[str, str], timeout: float = 600) -> list[dict]:
        """Waits until the runs with these ids (all of them: every run) are in these states."""

        def settled():
            runs = self.runs()
            seen = {r["dag_run_id"]: r["state"] for r in runs}
            return runs if seen == states else None

        return self.wait(f"runs {states}", settled, timeout)


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


class Warehouse:
    def __init__(self, data_dir: str):
        self.path = contract.warehouse_path(data_dir)

    def numbers(self) -> dict:
        with duckdb.connect(self.path, read_only=True) as con:
            (total_plays,) = con.execute("select total_plays from gold.listening_totals").fetchone()
            rows = con.execute("select event_id from silver.silver_streams").fetchall()
            streams = {r[0] for r in rows}
            (threshold,) = con.execute("select play_threshold_ms from gold.build_info").fetchone()
        return {"total_plays": total_plays, "streams": streams, "threshold": threshold}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    data_dir = stack.env("DATA_DIR")
    bootstrap = stack.env("KAFKA_BOOTSTRAP_SERVERS")
    port = int(stack.env("AIRFLOW_API_PORT"))
    now = datetime.now(UTC)
    current = floor_hour(now)
    hours = [current - (len(EVENTS_PER_HOUR) - i) * HOUR for i in range(len(EVENTS_PER_HOUR))]

    broker = stack.Broker(data_dir)
    for seed, (hour, events) in enumerate(zip(hours, EVENTS_PER_HOUR, strict=True), start=1):
        broker.start_at(hour + timedelta(minutes=20))
        stack.simulate(bootstrap, seed=seed, events=events)
    broker.start_at(None)
    stack.simulate(bootstrap, seed=99, events=LATE_EVENTS)
    oracle = stack.broker_contents(bootstrap, PLAY_THRESHOLD_MS)

    home = tmp_path_factory.mktemp("airflow-home")
    airflow = stack.AirflowProcesses(
        stack.env("AIRFLOW_BIN"),
        str(home),
        port,
        {
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(stack.REPO_ROOT / "airflow" / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "2",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            "AIRFLOW__API__HOST": "127.0.0.1",
            # The scheduler's log server for the UI, on a port of this test's own.
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(port + 13),
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(16),
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "10",
            # The DAGs' own settings (airflow/README.md): catch up exactly the three hours.
            "LISTENING_HOURLY_START": hours[0].isoformat(),
            "LISTENING_HOURLY_END": hours[-1].isoformat(),
            "LISTENING_HOURLY_CATCHUP": "true",
            "LISTENING_RETRY_DELAY_SECONDS": str(RETRY_DELAY_SECONDS),
            "LISTENING_MAX_RETRY_DELAY_SECONDS": "60",
            "LISTENING_ALERT_EMAIL": ALERT_TO,
            "AIRFLOW_CONN_SMTP_DEFAULT": (
                f"smtp://127.0.0.1:{stack.env('SMTP_PORT')}?disable_tls=true&disable_ssl=true"
            ),
            "PLAY_THRESHOLD_MS": str(PLAY_THRESHOLD_MS),
            "JAVA_TOOL_OPTIONS": "-Xmx1g",
            "AWS_EC2_METADATA_DISABLED": "true",
        },
    )
    airflow.migrate()
    airflow.start()
    api = Api(port, airflow)
    try:
        yield {
            "api": api,
            "hours": hours,
            "oracle": oracle,
            "data_dir": data_dir,
            "lake_dir": contract.lake_dir(data_dir, os.environ.get("LAKE_DIR")),
            "warehouse": Warehouse(data_dir),
            "mailbox": Path(stack.env("SMTP_MAILBOX")),
        }
    finally:
        airflow.stop()
        broker.stop()


def expected(scenario) -> dict:
    hours = [scenario["oracle"][h] for h in scenario["hours"]]
    return {
        "total_plays": len(set().union(*(h.plays for h in hours))),
        "streams": set().union(*(h.streams for h in hours)),
        "threshold": PLAY_THRESHOLD_MS,
    }


def test_the_broker_holds_each_hours_records_stamped_in_that_hour(scenario):
    oracle = scenario["oracle"]
    assert [oracle[h].records for h in scenario["hours"]] == list(EVENTS_PER_HOUR)
    late = [o.records for h, o in oracle.items() if h > scenario["hours"][-1]]
    assert late == [LATE_EVENTS]


def test_unpaused_catchup_runs_each_missed_hour_once_and_succeeds(scenario):
    api = scenario["api"]
    api.wait("the DAG to be parsed", lambda: api.call("GET", f"/dags/{DAG_ID}"), timeout=180)
    api.call("PATCH", f"/dags/{DAG_ID}", json={"is_paused": False})

    def three_finished_runs():
        runs = api.runs()
        done = len(runs) == 3 and all(r["state"] not in ("queued", "running") for r in runs)
        return runs if done else None

    # Generous: on 2 shared cores one run (a JVM for the job, then dbt) takes 1 to 3 minutes.
    runs = api.wait("three finished runs", three_finished_runs, timeout=1200)
    assert [(instant(r["data_interval_start"]), r["state"], r["run_type"]) for r in runs] == [
        (hour, "success", "scheduled") for hour in scenario["hours"]
    ]


def test_each_hours_batch_read_exactly_that_hours_records(scenario):
    by_window = {instant(m.window_start): m for m in lake.read_manifests(scenario["lake_dir"])}
    assert sorted(by_window) == scenario["hours"]
    for hour in scenario["hours"]:
        manifest = by_window[hour]
        assert instant(manifest.window_end) == hour + HOUR
        assert manifest.records_read == scenario["oracle"][hour].records
        assert manifest.valid_events + manifest.dead_letters == manifest.records_read


def test_gold_holds_exactly_the_events_of_the_caught_up_hours(scenario):
    numbers = scenario["warehouse"].numbers()
    assert numbers == expected(scenario)
    late = set().union(
        *(o.streams for h, o in scenario["oracle"].items() if h > scenario["hours"][-1])
    )
    assert late and not late & numbers["streams"]


def lake_files(lake_dir: str) -> list[str]:
    return sorted(str(p.relative_to(lake_dir)) for p in Path(lake_dir).rglob("*.parquet"))


def test_a_cleared_interval_reruns_to_the_same_numbers(scenario):
    api = scenario["api"]
    before = api.runs()
    files_before = lake_files(scenario["lake_dir"])
    middle = before[1]
    api.call(
        "POST",
        f"/dags/{DAG_ID}/clearTaskInstances",
        json={"dry_run": False, "dag_run_id": middle["dag_run_id"], "only_failed": False},
    )
    api.wait(
        "the cleared run to succeed again",
        lambda: (
            (run := api.call("GET", f"/dags/{DAG_ID}/dagRuns/{middle['dag_run_id']}"))["state"]
            == "success"
            and run["end_date"] != middle["end_date"]
        ),
        timeout=600,
    )
    tries = api.call(
        "GET",
        f"/dags/{DAG_ID}/dagRuns/{middle['dag_run_id']}/taskInstances/ingest_window/tries",
    )["task_instances"]
    assert [t["state"] for t in tries] == ["success", "success"]
    assert lake_files(scenario["lake_dir"]) == files_before
    assert scenario["warehouse"].numbers() == expected(scenario)


def test_a_failing_task_retries_with_backoff_then_mails_once(scenario):
    api = scenario["api"]
    last = api.runs()[-1]
    # A runner the Beam job does not know: every try fails before Kafka or the lake is touched.
    api.call("POST", "/variables", json={"key": "listening_beam_runner", "value": "NoSuchRunner"})
    try:
        api.call(
            "POST",
            f"/dags/{DAG_ID}/clearTaskInstances",
            json={"dry_run": False, "dag_run_id": last["dag_run_id"], "only_failed": False},
        )
        api.wait(
            "the run to fail",
            lambda: (
                api.call("GET", f"/dags/{DAG_ID}/dagRuns/{last['dag_run_id']}")["state"] == "failed"
            ),
            timeout=600,
        )
    finally:
        api.call("DELETE", "/variables/listening_beam_runner")

    tries = api.call(
        "GET", f"/dags/{DAG_ID}/dagRuns/{last['dag_run_id']}/taskInstances/ingest_window/tries"
    )["task_instances"]
    failed = [t for t in tries if t["state"] == "failed"]
    # The first run's try, then the cleared run's first try and its two retries.
    assert [t["state"] for t in tries] == ["success"] + ["failed"] * 3
    for earlier, later in zip(failed, failed[1:], strict=False):
        waited = (instant(later["start_date"]) - instant(earlier["end_date"])).total_seconds()
        # Airflow waits at least retry_delay * 2^(try_number - 1) after a failed try.
        assert waited >= RETRY_DELAY_SECONDS * 2 ** (earlier["try_number"] - 1)

    scenario["api"].wait(
        "the failure mail", lambda: list(mailbox.Maildir(scenario["mailbox"])), timeout=60
    )
    time.sleep(5)  # a second mail, if one were sent, would arrive right after the first
    messages = list(mailbox.Maildir(scenario["mailbox"]))
    assert len(messages) == 1
    assert messages[0]["To"] == ALERT_TO
    assert f"{DAG_ID}.ingest_window failed" in messages[0]["Subject"]
    assert scenario["warehouse"].numbers() == expected(scenario)
