"""Reading the lake independently of dbt: manifests, windows and the plays counted in the files."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from lakes import Record, write_lake, write_warehouse
from listening import lake
from listening.contract import LakeLayout

DAGS_DIR = Path(__file__).resolve().parents[1] / "dags"


def write_manifest(lake_dir: Path, batch: str, window_end: str, dead_letters: int = 0) -> None:
    """A manifest shaped like the Beam job's (pretty-printed, with offset ranges)."""
    folder = lake_dir / LakeLayout.MANIFESTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    document = {
        "batch": batch,
        "window_start": "2024-06-01T00:00:00Z",
        "window_end": window_end,
        "ranges": [{"topic": "t", "partition": 0, "start_offset": 0, "end_offset": 10}],
        "expected_records": 10,
        "records_read": 10,
        "valid_events": 10 - dead_letters,
        "dead_letters": dead_letters,
    }
    (folder / f"{batch}.json").write_text(json.dumps(document, indent=2))


def run_cli(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "listening.lake", *args],
        env={**os.environ, "PYTHONPATH": str(DAGS_DIR), **env},
        capture_output=True,
        text=True,
    )


def test_last_window_end_compares_instants_not_strings(tmp_path):
    write_manifest(tmp_path, "a", "2024-06-08T10:00:00Z")
    # Later by half a second, though it sorts first as a string ('.' < 'Z').
    write_manifest(tmp_path, "b", "2024-06-08T10:00:00.500Z")
    write_manifest(tmp_path, "c", "2024-06-08T09:00:00Z")
    assert lake.last_window_end(str(tmp_path)) == "2024-06-08T10:00:00.500Z"


def test_a_lake_without_manifests_is_read_from_the_beginning(tmp_path):
    assert lake.last_window_end(str(tmp_path)) is None
    result = run_cli("last-window-end", DATA_DIR=str(tmp_path), LAKE_DIR=str(tmp_path / "lake"))
    assert (result.returncode, result.stdout) == (0, "1970-01-01T00:00:00Z\n"), result.stderr


def test_manifest_totals_sum_every_batch(tmp_path):
    write_manifest(tmp_path, "a", "2024-06-08T10:00:00Z", dead_letters=2)
    write_manifest(tmp_path, "b", "2024-06-08T11:00:00Z", dead_letters=1)
    result = run_cli("manifest-totals", DATA_DIR=str(tmp_path), LAKE_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "batches": 2,
        "expected_records": 20,
        "records_read": 20,
        "valid_events": 17,
        "dead_letters": 3,
    }


def test_a_manifest_lacking_a_field_is_an_error(tmp_path):
    folder = tmp_path / LakeLayout.MANIFESTS_DIR
    folder.mkdir()
    (folder / "x.json").write_text('{"batch": "x", "window_end": "2024-06-08T10:00:00Z"}')
    with pytest.raises(ValueError, match="lacks window_start"):
        lake.read_manifests(str(tmp_path))


def streams(*ms_played):
    return [Record(offset=i, event_id=f"s{i}", ms_played=ms) for i, ms in enumerate(ms_played)]


@pytest.mark.parametrize(("threshold", "expected"), [(0, 5), (30_000, 3), (120_000, 1)])
def test_plays_are_distinct_listening_events_reaching_the_threshold(tmp_path, threshold, expected):
    records = streams(29_999, 30_000, 119_999, 5_000, 240_000)
    write_lake(tmp_path, records)
    assert lake.lake_play_count(str(tmp_path), threshold) == expected


def test_plays_count_legacy_skips_and_ignore_other_event_types(tmp_path):
    write_lake(
        tmp_path,
        [
            Record(offset=0, event_id="p", ms_played=60_000),
            Record(offset=1, event_id="p", ms_played=60_000),  # a replay of the same event
            Record(offset=2, event_id="s", event_type="skip", ms_played=60_000),
            Record(offset=3, event_id="l", event_type="like", ms_played=60_000),
        ],
    )
    assert lake.lake_play_count(str(tmp_path), 30_000) == 2


def test_an_empty_lake_has_no_plays(tmp_path):
    assert lake.lake_play_count(str(tmp_path), 30_000) == 0


def test_the_threshold_must_be_an_integer():
    con = duckdb.connect()
    with pytest.raises(TypeError):
        lake.count_plays(con, "30000")
    with pytest.raises(TypeError):
        lake.count_plays(con, True)


def test_play_count_command_uses_the_threshold_of_the_published_build(tmp_path):
    lake_dir = tmp_path / "lake"
    write_lake(lake_dir, streams(10_000, 60_000, 180_000))
    warehouse = tmp_path / "warehouse" / "analytics.duckdb"
    write_warehouse(warehouse, ["s0", "s1", "s2"], datetime.now(UTC), play_threshold_ms=120_000)
    result = run_cli("play-count", DATA_DIR=str(tmp_path), LAKE_DIR=str(lake_dir))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"plays": 1, "play_threshold_ms": 120_000, "build_id": "b1"}


def test_play_count_command_needs_a_published_build(tmp_path):
    result = run_cli("play-count", DATA_DIR=str(tmp_path), LAKE_DIR=str(tmp_path / "lake"))
    assert result.returncode == 1
    assert "nothing has been published yet" in result.stderr


def test_a_remote_lake_without_its_fsspec_package_is_an_error_not_an_empty_lake(monkeypatch):
    # As in the Airflow virtualenv, which has fsspec but not s3fs (the dbt one has both).
    monkeypatch.setitem(sys.modules, "s3fs", None)
    with pytest.raises(ValueError, match="cannot read the lake s3://bucket/lake: .*s3fs"):
        lake.files("s3://bucket/lake", LakeLayout.PLAYS_GLOB)
