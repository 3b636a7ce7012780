"""The warehouse built from an s3:// lake (ops/test-s3.sh, against moto).

KafkaToLakeS3IT left a lake of one batch in the bucket (``LAKE_DIR``) and ops/dbt-build.sh built
``$DATA_DIR`` from it, reading the bucket through s3fs. These tests check the build against the
lake's own record, the batch manifests, and the lake tools of the data-quality checks against the
build, every one of them reading the bucket, never a local copy.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from listening import lake, quality, warehouse

DAGS_DIR = Path(__file__).resolve().parents[2] / "airflow" / "dags"


@pytest.fixture(scope="module")
def settings() -> warehouse.Settings:
    settings = warehouse.Settings.from_environment()
    assert settings.lake_dir.startswith("s3://"), f"LAKE_DIR must be an s3:// lake, got {settings.lake_dir}"
    return settings


@pytest.fixture(scope="module")
def manifests(settings) -> list[lake.Manifest]:
    manifests = lake.read_manifests(settings.lake_dir)
    assert manifests, f"no manifest in {settings.lake_dir}: the Beam test wrote no lake there"
    return manifests


@pytest.fixture()
def published(settings):
    """A connection with the published warehouse attached read-only as ``analytics`` and the
    bucket's filesystem registered, which the bronze views need to read the lake."""
    con = duckdb.connect()
    con.register_filesystem(lake.remote_filesystem(settings.lake_dir))
    con.execute(f"attach {lake.sql_string(settings.published)} as analytics (read_only)")
    yield con
    con.close()


def count(con, table: str) -> int:
    return con.execute(f"select count(*) from {table}").fetchone()[0]


def test_bronze_holds_every_row_the_manifests_say_the_bucket_holds(published, manifests):
    valid_events = sum(m.valid_events for m in manifests)
    dead_letters = sum(m.dead_letters for m in manifests)
    assert valid_events > 0 and dead_letters > 0, "the lake should have plays and dead letters"
    assert count(published, "analytics.bronze.stg_lake__plays") == valid_events
    assert count(published, "analytics.bronze.stg_lake__dead_letters") == dead_letters


def test_bronze_reads_the_bucket_row_for_row(published, settings):
    # The Parquet files of the bucket, listed and read without dbt, against the bronze views.
    lake.create_views(published, settings.lake_dir)
    assert count(published, "plays") == count(published, "analytics.bronze.stg_lake__plays")
    assert (
        count(
            published,
            "(select event_id, kafka_topic, kafka_partition, kafka_offset from plays except all "
            "select event_id, kafka_topic, kafka_partition, kafka_offset "
            "from analytics.bronze.stg_lake__plays)",
        )
        == 0
    )
    assert count(published, "dead_letter") == count(published, "analytics.bronze.stg_lake__dead_letters")


def test_gold_counts_the_plays_counted_in_the_bucket(settings):
    build = warehouse.published_build(settings.published)
    assert build.total_plays > 0
    assert lake.lake_play_count(settings.lake_dir, build.play_threshold_ms) == build.total_plays


def test_the_reconciliation_finds_nothing_wrong_on_s3(settings, manifests):
    report = quality.reconcile(settings.lake_dir, settings.published, "silver.silver_streams")
    assert report.problems == ()
    assert report.dead_letters == sum(m.dead_letters for m in manifests)
    assert report.newest_lake_file_at is not None
    assert report.newest_lake_file_at <= report.built_at, "the build read the finished lake"


def run_lake(*args):
    return subprocess.run(
        [sys.executable, "-m", "listening.lake", *args],
        env={**os.environ, "PYTHONPATH": str(DAGS_DIR)},
        capture_output=True,
        text=True,
    )


def test_the_lake_commands_read_the_bucket(settings, manifests):
    totals = run_lake("manifest-totals")
    assert totals.returncode == 0, totals.stderr
    assert json.loads(totals.stdout) == {
        "batches": len(manifests),
        "expected_records": sum(m.expected_records for m in manifests),
        "records_read": sum(m.records_read for m in manifests),
        "valid_events": sum(m.valid_events for m in manifests),
        "dead_letters": sum(m.dead_letters for m in manifests),
    }
    plays = run_lake("play-count")
    assert plays.returncode == 0, plays.stderr
    assert json.loads(plays.stdout)["plays"] == warehouse.published_build(settings.published).total_plays
    end = run_lake("last-window-end")
    assert (end.returncode, end.stdout.strip()) == (0, max(m.window_end for m in manifests))
