"""Whole DAG runs with `airflow dags test`, with `java` and `ops/dbt-build.sh` replaced by fakes.

The fakes record their arguments, so these tests check what the real tasks would have run, with
the configuration coming from the environment exactly as on a worker.
"""

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import AIRFLOW_BIN
from lakes import Record, plays, set_lake_mtime, write_lake, write_warehouse
from listening import check_results

# ms_played of five streams: one reaches 120000 ms, three reach 30000 ms.
STREAMS = (10_000, 29_999, 30_000, 119_999, 240_000)


@pytest.fixture
def fake_platform(tmp_path):
    """A repository root whose dbt script and a `java` on PATH only log their arguments."""
    calls = tmp_path / "calls.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(f'#!/bin/sh\necho "java $*" >> "{calls}"\n')
    java.chmod(0o755)
    repo = tmp_path / "repo"
    (repo / "ops").mkdir(parents=True)
    (repo / "ops" / "dbt-build.sh").write_text(
        f'echo "dbt-build $* DATA_DIR=$DATA_DIR" >> "{calls}"\n'
    )
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "LISTENING_REPO_ROOT": str(repo),
        "DATA_DIR": str(tmp_path / "data"),
        "PIPELINES_JAR": "/opt/listening/beam-pipelines.jar",
        "KAFKA_BOOTSTRAP_SERVERS": "kafka:9092",
        "BEAM_RUNNER": "FlinkRunner",
        "BEAM_EXTRA_ARGS": "--flinkMaster=flink:8081",
        # The fixture lakes are from 2024: only an explicit limit keeps them fresh.
        "AIRFLOW_VAR_LISTENING_STALE_LAKE_HOURS": "1000000",
        "LISTENING_RETRY_DELAY_SECONDS": "1",
    }
    env.pop("DBT_FRESHNESS_COMMAND", None)
    env.pop("DBT_TEST_COMMAND", None)
    return env, calls, tmp_path / "data"


def dags_test(env, *args):
    result = subprocess.run(
        [AIRFLOW_BIN, "dags", "test", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return result.stdout + result.stderr


def test_hourly_run_ingests_the_previous_hour_then_builds(airflow_db, fake_platform):
    env, calls, data_dir = fake_platform
    dags_test(env, "listening_hourly", "2024-12-01T10:00:00+00:00")
    assert calls.read_text().splitlines() == [
        "java -jar /opt/listening/beam-pipelines.jar --bootstrapServers=kafka:9092 "
        f"--lakeDir={data_dir}/lake --windowStart=2024-12-01T09:00:00Z "
        "--windowEnd=2024-12-01T10:00:00Z --runner=FlinkRunner --flinkMaster=flink:8081",
        f"dbt-build  DATA_DIR={data_dir}",
    ]


def test_backfill_run_ingests_the_requested_window(airflow_db, fake_platform):
    env, calls, _ = fake_platform
    conf = {"window_start": "2024-11-01T00:00:00Z", "window_end": "2024-12-01T00:00:00+01:00"}
    dags_test(env, "listening_backfill", "--conf", json.dumps(conf))
    java, dbt = calls.read_text().splitlines()
    assert "--windowStart=2024-11-01T00:00:00Z --windowEnd=2024-11-30T23:00:00Z " in java
    assert dbt.startswith("dbt-build ")


def test_data_quality_run_checks_freshness_tests_and_reconciles(airflow_db, fake_platform):
    env, calls, data_dir = fake_platform
    lake = data_dir / "lake"
    write_lake(lake, plays(0, 1, 3) + [Record(offset=2, reason="bad json")])
    output = dags_test(env, "listening_data_quality", "2024-12-01T10:30:00+00:00")
    assert sorted(calls.read_text().splitlines()) == [
        f"dbt-build --check --select test_type:data DATA_DIR={data_dir}",
        f"dbt-build --freshness DATA_DIR={data_dir}",
    ]
    assert "reconciliation: lake plays=3 distinct_events=3 " in output
    assert "dead_letters=1 partitions=1 silver_rows=None" in output
    assert Path(data_dir / ".airflow-dbt.lock").exists()
    recorded = {r["test_name"]: r for r in check_results.read(str(data_dir))}
    assert {name: (r["status"], r["test_type"]) for name, r in recorded.items()} == {
        "lake_freshness": ("pass", "airflow"),
        "reconcile_counts": ("pass", "airflow"),
    }
    assert recorded["reconcile_counts"]["build_id"].startswith("manual__")  # the DAG run id


def test_data_quality_reconciles_with_the_threshold_of_the_published_build(
    airflow_db, fake_platform
):
    env, _, data_dir = fake_platform
    lake = data_dir / "lake"
    records = [Record(offset=o, event_id=f"s{o}", ms_played=ms) for o, ms in enumerate(STREAMS)]
    write_lake(lake, records)
    set_lake_mtime(lake, datetime(2024, 12, 1, 11, tzinfo=UTC))
    warehouse = data_dir / "warehouse" / "analytics.duckdb"
    ids = [r.event_id for r in records]
    write_warehouse(warehouse, ids, datetime.now(UTC), play_threshold_ms=120_000, total_plays=1)
    before = warehouse.stat()
    env["DBT_TEST_COMMAND"] = "true"
    output = dags_test(env, "listening_data_quality", "2024-12-01T12:00:00+00:00")
    assert "play_threshold_ms=120000 lake_counted_plays=1 gold_total_plays=1" in output
    after = warehouse.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_data_quality_freshness_is_skipped_when_switched_off(airflow_db, fake_platform):
    env, calls, data_dir = fake_platform
    write_lake(data_dir / "lake", plays(0, 1))
    env["DBT_FRESHNESS_COMMAND"] = ""
    env["DBT_TEST_COMMAND"] = "true"
    output = dags_test(env, "listening_data_quality", "2024-12-01T11:00:00+00:00")
    assert "DBT_FRESHNESS_COMMAND is empty: nothing to run" in output
    assert "Bash command returned exit code 99. Skipping." in output
    assert not calls.exists()


def test_a_stale_lake_fails_the_freshness_check_and_is_recorded(airflow_db, fake_platform):
    env, _, data_dir = fake_platform
    write_lake(data_dir / "lake", plays(0, 1))  # a 2024 partition: long stale
    env["AIRFLOW_VAR_LISTENING_STALE_LAKE_HOURS"] = "3"
    env["DBT_TEST_COMMAND"] = "true"
    result = subprocess.run(
        [AIRFLOW_BIN, "dags", "test", "listening_data_quality", "2024-12-01T11:00:00+00:00"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    recorded = {r["test_name"]: r for r in check_results.read(str(data_dir))}
    assert recorded["lake_freshness"]["status"] == "fail"
    assert "has no new partition for" in recorded["lake_freshness"]["message"]
    assert recorded["reconcile_counts"]["status"] == "pass"
