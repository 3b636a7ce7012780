"""The stale-lake check: the newest hour partition of the plays, against a limit in hours."""

from datetime import UTC, datetime

import pytest

from listening import contract, freshness


def partition(lake, year, month, day, hour):
    folder = (
        lake / contract.LakeLayout.PLAYS_DIR / f"year={year}/month={month}/day={day}/hour={hour}"
    )
    folder.mkdir(parents=True)
    (folder / "spotify-plays-0.parquet").write_bytes(b"")


def test_the_newest_partition_is_the_latest_hour_whatever_the_folder_order(tmp_path):
    partition(tmp_path, 2024, 12, 1, 9)
    partition(tmp_path, 2024, 12, 1, 10)
    partition(tmp_path, 2024, 11, 30, 23)
    assert freshness.newest_hour(str(tmp_path)) == datetime(2024, 12, 1, 10, tzinfo=UTC)


def test_a_lake_whose_last_hour_ended_within_the_limit_is_fresh(tmp_path):
    partition(tmp_path, 2024, 12, 1, 10)
    result = freshness.check(str(tmp_path), 3, now=datetime(2024, 12, 1, 14, 0, tzinfo=UTC))
    assert result.newest_hour == datetime(2024, 12, 1, 10, tzinfo=UTC)


def test_no_new_partition_for_longer_than_the_limit_raises_one_sentence(tmp_path):
    partition(tmp_path, 2024, 12, 1, 10)
    with pytest.raises(freshness.StaleLakeError) as error:
        freshness.check(str(tmp_path), 3, now=datetime(2024, 12, 1, 14, 30, tzinfo=UTC))
    assert str(error.value) == (
        f"the lake {tmp_path} has no new partition for 3.5 hours "
        "(newest: hour 2024-12-01 10:00 UTC; allowed: 3)"
    )


def test_an_empty_lake_is_stale(tmp_path):
    with pytest.raises(freshness.StaleLakeError, match="no plays partition at all"):
        freshness.check(str(tmp_path), 3, now=datetime(2024, 12, 1, tzinfo=UTC))


def test_the_limit_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="positive number of hours"):
        freshness.check(str(tmp_path), 0, now=datetime(2024, 12, 1, tzinfo=UTC))
