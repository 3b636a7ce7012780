"""Reconciliation of lake, dead letters and silver on small generated lakes."""

import sys
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

from lakes import Record, plays, set_lake_mtime, write_lake, write_warehouse
from listening.quality import ReconciliationError, check, reconcile

SILVER = "silver.silver_streams"
LAKE_WRITTEN = datetime(2024, 12, 1, 11, 5, tzinfo=UTC)


@pytest.fixture
def lake(tmp_path):
    return tmp_path / "lake"


@pytest.fixture
def warehouse(tmp_path):
    return tmp_path / "warehouse" / "analytics.duckdb"


def built(lake, warehouse, event_ids, built_at=LAKE_WRITTEN + timedelta(minutes=5), **build):
    set_lake_mtime(lake, LAKE_WRITTEN)
    write_warehouse(warehouse, event_ids, built_at, **build)


def test_consistent_lake_and_silver_pass(lake, warehouse):
    write_lake(lake, plays(0, 1, 3) + [Record(offset=2, reason="missing field user_id")])
    write_lake(lake, plays(0, 1, partition=1), batch="w20241201T1100-20241201T1200")
    built(lake, warehouse, ["e-0-0", "e-0-1", "e-0-3", "e-1-0", "e-1-1"])

    report = check(str(lake), str(warehouse), SILVER)

    assert report.ok
    assert (report.plays, report.distinct_events, report.dead_letters) == (5, 5, 1)
    assert report.silver_rows == 5
    assert [(p.partition, p.records, p.min_offset, p.max_offset) for p in report.partitions] == [
        (0, 4, 0, 3),
        (1, 2, 0, 1),
    ]
    assert report.built_at == LAKE_WRITTEN + timedelta(minutes=5)
    assert (report.play_threshold_ms, report.lake_counted_plays, report.gold_total_plays) == (
        30000,
        5,
        5,
    )


def test_duplicate_event_ids_in_the_lake_count_once_in_silver(lake, warehouse):
    records = [Record(offset=0, event_id="same"), Record(offset=1, event_id="same")]
    write_lake(lake, records)
    built(lake, warehouse, ["same"])

    report = reconcile(str(lake), str(warehouse), SILVER)

    assert report.ok, report.problems
    assert (report.plays, report.distinct_events, report.silver_rows) == (2, 1, 1)


def test_only_plays_and_skips_are_expected_in_silver(lake, warehouse):
    records = plays(0) + [
        Record(offset=1, event_id="skipped", event_type="skip"),
        Record(offset=2, event_id="liked", event_type="like"),
    ]
    write_lake(lake, records)
    built(lake, warehouse, ["e-0-0", "skipped"])

    report = check(str(lake), str(warehouse), SILVER)

    assert (report.distinct_events, report.distinct_listening_events) == (3, 2)
    assert report.lake_not_in_silver == 0


def test_empty_lake_without_warehouse_passes(lake, warehouse):
    report = check(str(lake), str(warehouse), SILVER)
    assert (report.plays, report.dead_letters, report.silver_rows) == (0, 0, None)
    assert report.partitions == ()


def test_lake_without_a_published_warehouse_is_pending_not_failed(lake, warehouse):
    write_lake(lake, plays(0, 1))
    report = check(str(lake), str(warehouse), SILVER)
    assert report.silver_rows is None


def test_offset_gap_means_a_record_was_lost(lake, warehouse):
    write_lake(lake, plays(0, 1, 4) + [Record(offset=2, reason="bad json")])
    report = reconcile(str(lake), str(warehouse), SILVER)
    assert report.problems == (
        "spotify-plays[0]: 1 offsets between 0 and 4 reached neither plays nor dead letters",
    )


def test_record_in_both_plays_and_dead_letters_is_a_duplicate(lake, warehouse):
    write_lake(lake, plays(0, 1) + [Record(offset=1, reason="late duplicate")])
    report = reconcile(str(lake), str(warehouse), SILVER)
    assert report.problems == (
        "spotify-plays[0]: 1 records written more than once (plays and dead letters together)",
    )


def test_dead_letter_without_reason_fails(lake, warehouse):
    write_lake(lake, plays(0) + [Record(offset=1, reason=" ")])
    report = reconcile(str(lake), str(warehouse), SILVER)
    assert report.dead_letters_without_reason == 1
    assert report.problems == ("1 dead letters have no reason",)


def test_silver_event_missing_from_the_lake_fails(lake, warehouse):
    write_lake(lake, plays(0))
    built(lake, warehouse, ["e-0-0", "ghost"], total_plays=1)
    report = reconcile(str(lake), str(warehouse), SILVER)
    assert report.problems == ("1 silver events are not in the lake",)


def test_duplicate_event_ids_in_silver_fail(lake, warehouse):
    write_lake(lake, plays(0, 1))
    built(lake, warehouse, ["e-0-0", "e-0-1", "e-0-1"], total_plays=2)
    report = reconcile(str(lake), str(warehouse), SILVER)
    assert report.problems == ("1 duplicate event_ids in silver",)


def test_lake_event_missing_from_silver_fails_once_the_build_is_newer(lake, warehouse):
    write_lake(lake, plays(0, 1))
    built(lake, warehouse, ["e-0-0"])
    with pytest.raises(ReconciliationError, match="1 lake events are missing from silver"):
        check(str(lake), str(warehouse), SILVER)


def test_lake_event_missing_from_silver_is_pending_while_the_lake_is_newer(lake, warehouse):
    write_lake(lake, plays(0, 1))
    built(lake, warehouse, ["e-0-0"], built_at=LAKE_WRITTEN - timedelta(minutes=50))
    report = check(str(lake), str(warehouse), SILVER)
    assert report.lake_not_in_silver == 1


def test_unknown_silver_table_fails_and_names_the_setting(lake, warehouse):
    write_lake(lake, plays(0))
    built(lake, warehouse, ["e-0-0"])
    report = reconcile(str(lake), str(warehouse), "silver.plays")
    assert len(report.problems) == 1
    assert "SILVER_STREAMS_TABLE" in report.problems[0]


def test_silver_table_must_be_a_plain_name(lake, warehouse):
    with pytest.raises(ValueError, match="not a \\[schema.\\]table name"):
        reconcile(str(lake), str(warehouse), "silver.plays; drop table x")


def test_remote_lake_is_refused_rather_than_counted_as_empty(warehouse, monkeypatch):
    monkeypatch.setitem(sys.modules, "s3fs", None)
    with pytest.raises(ValueError, match="cannot read the lake s3://bucket/lake"):
        reconcile("s3://bucket/lake", str(warehouse), SILVER)


def test_beam_temporary_files_are_not_counted(lake, warehouse):
    write_lake(lake, plays(0))
    temp = next((lake / "plays").rglob("hour=*")) / ".temp-beam-123"
    temp.mkdir()
    (temp / "partial.parquet").write_bytes(b"not parquet")
    assert check(str(lake), str(warehouse), SILVER).plays == 1


def streams(*ms_played: int) -> list[Record]:
    return [Record(offset=i, event_id=f"s{i}", ms_played=ms) for i, ms in enumerate(ms_played)]


STREAMS = (10_000, 29_999, 30_000, 119_999, 120_000, 240_000)
STREAM_IDS = [f"s{i}" for i in range(len(STREAMS))]


@pytest.mark.parametrize(("threshold", "plays"), [(30_000, 4), (120_000, 2), (0, 6)])
def test_gold_total_is_checked_with_the_threshold_the_build_recorded(
    lake, warehouse, threshold, plays
):
    write_lake(lake, streams(*STREAMS))
    built(lake, warehouse, STREAM_IDS, play_threshold_ms=threshold, total_plays=plays)

    report = check(str(lake), str(warehouse), SILVER)

    assert (report.play_threshold_ms, report.lake_counted_plays, report.gold_total_plays) == (
        threshold,
        plays,
        plays,
    )


def test_gold_total_counted_with_another_threshold_fails(lake, warehouse):
    write_lake(lake, streams(*STREAMS))
    # Gold counted with 30000 ms, but the build says it used 120000 ms.
    built(lake, warehouse, STREAM_IDS, play_threshold_ms=120_000, total_plays=4)

    report = reconcile(str(lake), str(warehouse), SILVER)

    assert report.problems == (
        "gold.listening_totals.counted_streams is 4, but the lake holds 2 distinct streams of at "
        "least 120000 ms (the threshold of build b1, which is newer than every lake file)",
    )


def test_legacy_skips_count_like_plays_from_the_threshold_on(lake, warehouse):
    write_lake(
        lake,
        [
            Record(offset=0, event_id="long-skip", event_type="skip", ms_played=45_000),
            Record(offset=1, event_id="short-skip", event_type="skip", ms_played=5_000),
            Record(offset=2, event_id="like", event_type="like", ms_played=45_000),
        ],
    )
    built(lake, warehouse, ["long-skip", "short-skip"], total_plays=1)
    assert check(str(lake), str(warehouse), SILVER).lake_counted_plays == 1


def test_differing_gold_total_is_pending_while_the_lake_is_newer(lake, warehouse):
    write_lake(lake, streams(*STREAMS))
    built(
        lake,
        warehouse,
        STREAM_IDS,
        built_at=LAKE_WRITTEN - timedelta(minutes=50),
        total_plays=3,
    )
    report = check(str(lake), str(warehouse), SILVER)
    assert (report.lake_counted_plays, report.gold_total_plays) == (4, 3)


def test_build_that_records_no_threshold_cannot_be_checked(lake, warehouse):
    write_lake(lake, plays(0))
    built(lake, warehouse, ["e-0-0"])
    con = duckdb.connect(str(warehouse))
    con.execute("alter table gold.build_info drop column play_threshold_ms")
    con.close()

    report = reconcile(str(lake), str(warehouse), SILVER)

    assert len(report.problems) == 1
    assert "records no play_threshold_ms" in report.problems[0]
    assert report.lake_counted_plays is None
