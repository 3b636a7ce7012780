"""The dashboard's period roll-ups equal the day-level facts summed over each period's days.

gold.period_track_listening, period_artist_listening and period_listening_totals are what the
webapp reads for a whole period (all time, local year, month, ISO week) over everyone. Here each
period's bounds are worked out in Python, not by the models' macro, and gold.daily_track_listening
is summed over exactly those days in the published fixture build. Run by ops/test-dbt.sh (DATA_DIR
set).
"""

import datetime as dt
import os
import pathlib

import duckdb
import pytest

ALL_TIME_START = dt.date(1970, 1, 1)


@pytest.fixture(scope="module")
def warehouse():
    published = pathlib.Path(os.environ["DATA_DIR"]) / "warehouse" / "analytics.duckdb"
    connection = duckdb.connect(str(published), read_only=True)
    yield connection
    connection.close()


def period_of(period_type: str, day: dt.date) -> dt.date:
    if period_type == "all_time":
        return ALL_TIME_START
    if period_type == "year":
        return day.replace(month=1, day=1)
    if period_type == "month":
        return day.replace(day=1)
    return day - dt.timedelta(days=day.weekday())  # the ISO week's Monday


def last_day(period_type: str, start: dt.date) -> dt.date:
    if period_type == "all_time":
        return dt.date(9999, 12, 31)
    if period_type == "year":
        return start.replace(month=12, day=31)
    if period_type == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    return start + dt.timedelta(days=6)


def expected_periods(warehouse) -> list[tuple[str, dt.date]]:
    days = [row[0] for row in warehouse.execute(
        "select distinct listen_date from gold.daily_track_listening").fetchall()]
    return sorted({(kind, period_of(kind, day))
                   for kind in ("all_time", "year", "month", "week") for day in days})


def rows(warehouse, sql: str, *parameters):
    return sorted(warehouse.execute(sql, list(parameters)).fetchall())


# The day-level reads, as the webapp makes them for a custom range (tracks/TrackQueries and friends).
DAY_TRACKS = """
    select track_id, substring(max(cast(listen_date as varchar) || track_name), 11),
           substring(max(cast(listen_date as varchar) || artist_key), 11),
           substring(max(cast(listen_date as varchar) || artist_name), 11),
           sum(plays), sum(skips), sum(listening_ms), count(distinct user_id)
    from gold.daily_track_listening where listen_date between ? and ? group by track_id
"""
DAY_ARTISTS = """
    select artist_key, substring(max(cast(listen_date as varchar) || artist_name), 11),
           count(distinct track_id), sum(plays), sum(skips), sum(listening_ms),
           count(distinct user_id)
    from gold.daily_track_listening where listen_date between ? and ? group by artist_key
"""
DAY_TOTALS = """
    select sum(plays), sum(skips), sum(listening_ms), count(distinct user_id),
           count(distinct listen_date), min(listen_date), max(listen_date),
           count(distinct track_id), count(distinct artist_name)
    from gold.daily_track_listening where listen_date between ? and ?
"""


def test_the_fixture_spans_more_than_one_week(warehouse):
    weeks = [start for kind, start in expected_periods(warehouse) if kind == "week"]
    assert len(weeks) >= 2


@pytest.mark.parametrize(
    "table", ["period_track_listening", "period_artist_listening", "period_listening_totals"])
def test_a_roll_up_has_a_row_set_for_every_period_with_music_and_no_other(warehouse, table):
    built = rows(warehouse, f"select distinct period_type, period_start from gold.{table}")
    assert built == expected_periods(warehouse)


def test_period_tracks_equal_the_day_level_tracks_of_each_period(warehouse):
    for kind, start in expected_periods(warehouse):
        built = rows(
            warehouse,
            "select track_id, track_name, artist_key, artist_name, plays, skips, listening_ms,"
            " listeners from gold.period_track_listening where period_type = ? and period_start = ?",
            kind, start)
        assert built == rows(warehouse, DAY_TRACKS, start, last_day(kind, start)), (kind, start)


def test_period_artists_equal_the_day_level_artists_of_each_period(warehouse):
    for kind, start in expected_periods(warehouse):
        built = rows(
            warehouse,
            "select artist_key, artist_name, tracks, plays, skips, listening_ms, listeners"
            " from gold.period_artist_listening where period_type = ? and period_start = ?",
            kind, start)
        assert built == rows(warehouse, DAY_ARTISTS, start, last_day(kind, start)), (kind, start)


def test_period_totals_equal_the_day_level_totals_of_each_period(warehouse):
    for kind, start in expected_periods(warehouse):
        built = rows(
            warehouse,
            "select plays, skips, listening_ms, listeners, days, first_day, last_day,"
            " unique_tracks, unique_artists from gold.period_listening_totals"
            " where period_type = ? and period_start = ?",
            kind, start)
        assert built == rows(warehouse, DAY_TOTALS, start, last_day(kind, start)), (kind, start)


def test_all_time_totals_equal_the_published_listening_totals(warehouse):
    totals = warehouse.execute(
        "select total_plays, total_skips, listening_ms, unique_tracks, unique_artists, unique_users"
        " from gold.listening_totals").fetchone()
    all_time = warehouse.execute(
        "select plays, skips, listening_ms, unique_tracks, unique_artists, listeners"
        " from gold.period_listening_totals where period_type = 'all_time'").fetchone()
    assert all_time == totals


@pytest.mark.parametrize("table", [
    "daily_track_listening", "hourly_listening", "daily_device_listening",
    "daily_podcast_listening", "daily_listening_stats"])
def test_day_level_facts_are_stored_by_listener_and_day(warehouse, table):
    stored = warehouse.execute(
        f"select user_id, listen_date from gold.{table}").fetchall()  # in storage order
    assert stored == sorted(stored)
