"""The scenario fixture (dbt/fixtures/scenario/) through bronze, silver and gold, built hour by
hour as the lake grows and once from the whole lake, checked against numbers worked out by hand.

plays.csv there holds three users:

- u-dup (no zone configured, so UTC): the poller captures five streams on 2024-12-01 between
  09:00 and 09:12:50 UTC (d1 Harbour Lights, d2 Salt Wind, d3 Harbour Lights again, d4 a 10 s skip
  of Low Tide, d5 Salt Wind); d2 arrives twice, and recently-played reports d2's play one second
  off (r1). A day later the user's basic export arrives: name-only, minute-rounded twins of d1, d2,
  d3 and d5 (x1..x4), Low Tide logged twice ending in the same minute (x5 30,333 ms, x6 30,888 ms),
  and a late play from 2024-11-30 22:00 (x7).
- u-tonga (Pacific/Tongatapu, UTC+13): 10:30 UTC is 23:30 local on 2024-12-01, 11:30 and 11:40 UTC
  are 00:30 and 00:40 on Monday 2024-12-02.
- u-berlin (Europe/Berlin) around the end of summer time on 2024-10-27 (01:00 UTC, 03:00 CEST
  becomes 02:00 CET): 21:59 UTC on the 26th is 23:59 local; 22:30 UTC is 00:30 on Sunday the 27th;
  00:30 UTC (CEST) and 01:30 UTC (CET) are both 02:30 local.

The five arrival hours are published one after the other (incremental builds) into one DATA_DIR
and all at once (--full-refresh) into another; both must hold the same rows in every table.
"""

import datetime as dt
import os
import pathlib
import shutil
import subprocess
import sys

import duckdb
import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO_ROOT / "dbt"
SCENARIO = PROJECT / "fixtures" / "scenario"
FIXTURE_SCRIPT = PROJECT / "fixtures" / "make_fixture_lake.py"

# The work list of one build (what an incremental build recomputes), not data: an incremental and
# a full build differ in it by design.
BUILD_STATE_TABLES = {("silver", "int_stale_pairs")}
# Build metadata that differs between any two builds, whatever they read.
BUILD_METADATA = {
    ("gold", "build_info"): {"build_id", "built_at"},
    ("gold", "data_quality_results"): {"build_id", "checked_at"},
}


def scenario_project(root: pathlib.Path) -> pathlib.Path:
    """A copy of the dbt project whose time-zone seed is the scenario's."""
    project = root / "project"
    shutil.copytree(
        PROJECT, project, ignore=shutil.ignore_patterns("target", "logs", "tests_*", "fixtures")
    )
    shutil.copy(SCENARIO / "user_time_zones.csv", project / "seeds" / "user_time_zones.csv")
    return project


def write_lake(lake: pathlib.Path) -> list[pathlib.Path]:
    """Writes the scenario lake; returns its hour partitions in arrival order."""
    subprocess.run(
        [sys.executable, str(FIXTURE_SCRIPT), str(lake), "--without-dead-letters",
         "--plays", str(SCENARIO / "plays.csv")],
        check=True,
    )
    return sorted((lake / "plays").glob("year=*/month=*/day=*/hour=*"))


def publish(project: pathlib.Path, data_dir: pathlib.Path, *dbt_args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PLAY_THRESHOLD_MS"}
    env.update(
        DATA_DIR=str(data_dir),
        LAKE_DIR=str(data_dir / "lake"),
        DBT_TARGET_PATH=str(data_dir / "dbt-target"),
        DBT_LOG_PATH=str(data_dir / "dbt-logs"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "listening.warehouse", "--project-dir", str(project),
         "publish", *dbt_args],
        env=env, capture_output=True, text=True, timeout=600,
    )
    sys.stdout.write(result.stdout[-3000:])
    sys.stderr.write(result.stderr[-3000:])
    assert result.returncode == 0, f"publish {' '.join(dbt_args)} failed in {data_dir}"
    return result.stderr


def tables(warehouse: pathlib.Path) -> dict[tuple[str, str], list[tuple]]:
    """Every silver and gold table's rows (sorted), build metadata left out."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        found = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('silver', 'gold') and table_type = 'BASE TABLE' order by all"
        ).fetchall()
        contents = {}
        for schema, table in found:
            if (schema, table) in BUILD_STATE_TABLES:
                continue
            columns = [
                name for (name,) in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, table],
                ).fetchall()
                if name not in BUILD_METADATA.get((schema, table), set())
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            contents[(schema, table)] = sorted(
                con.execute(f'select {select} from {schema}."{table}"').fetchall(), key=repr
            )
        return contents
    finally:
        con.close()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return scenario_project(tmp_path_factory.mktemp("scenario"))


@pytest.fixture(scope="module")
def hourly(project, tmp_path_factory):
    """The lake published one arrival hour at a time; returns (data_dir, build logs)."""
    root = tmp_path_factory.mktemp("hourly")
    staged = write_lake(root / "staged")
    data_dir = root / "data"
    logs = []
    for partition in staged:
        target = data_dir / "lake" / partition.relative_to(root / "staged")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(partition, target)
        logs.append(publish(project, data_dir))
    return data_dir, logs


@pytest.fixture(scope="module")
def full(project, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("full")
    write_lake(data_dir / "lake")
    publish(project, data_dir, "--full-refresh")
    return data_dir


def query(data_dir: pathlib.Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse" / "analytics.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_build_after_the_first_is_incremental(hourly):
    _, logs = hourly
    assert "full build: nothing is published yet" in logs[0]
    for log in logs[1:]:
        assert "incremental build" in log


def test_hour_by_hour_equals_a_full_refresh(hourly, full):
    incremental = tables(hourly[0] / "warehouse" / "analytics.duckdb")
    refreshed = tables(full / "warehouse" / "analytics.duckdb")
    assert sorted(incremental) == sorted(refreshed)
    for name, rows in refreshed.items():
        assert incremental[name] == rows, f"{name[0]}.{name[1]} differs"


# silver_plays: one row per real play.
# u-dup: d1+x1, d2+r1+x2 (d2's second arrival is the same stream), d3+x3, d4, d5+x4, x5/x6 (one
# play logged twice: the longer stream, 30,888 ms, stands for it), x7; the poller is the richest
# source, so its id, times and fields are kept. u-tonga: 3 plays; u-berlin: 4.
EXPECTED_PLAYS = {
    # play_id: (sources, stream_count, ms_played, is_counted_play, listen_date, listen_hour, weekday)
    "d1": ("spotify_export,spotify_poll", 2, 200000, True, dt.date(2024, 12, 1), 9, 7),
    "d2": ("spotify_export,spotify_poll,spotify_recently_played", 3, 180000, True, dt.date(2024, 12, 1), 9, 7),
    "d3": ("spotify_export,spotify_poll", 2, 200000, True, dt.date(2024, 12, 1), 9, 7),
    "d4": ("spotify_poll", 1, 10000, False, dt.date(2024, 12, 1), 9, 7),
    "d5": ("spotify_export,spotify_poll", 2, 180000, True, dt.date(2024, 12, 1), 9, 7),
    "x6": ("spotify_export", 2, 30888, True, dt.date(2024, 12, 1), 20, 7),
    "x7": ("spotify_export", 1, 240000, True, dt.date(2024, 11, 30), 22, 6),
    "t1": ("simulator", 1, 200000, True, dt.date(2024, 12, 1), 23, 7),
    "t2": ("simulator", 1, 180000, True, dt.date(2024, 12, 2), 0, 1),
    "t3": ("simulator", 1, 5000, False, dt.date(2024, 12, 2), 0, 1),
    "b3": ("simulator", 1, 240000, True, dt.date(2024, 10, 26), 23, 6),
    "b4": ("simulator", 1, 200000, True, dt.date(2024, 10, 27), 0, 7),
    "b1": ("simulator", 1, 200000, True, dt.date(2024, 10, 27), 2, 7),
    "b2": ("simulator", 1, 180000, True, dt.date(2024, 10, 27), 2, 7),
}


@pytest.mark.parametrize("build", ["hourly", "full"])
def test_silver_plays_merges_duplicates_and_buckets_in_the_users_zone(build, request):
    data_dir = request.getfixturevalue(build)
    data_dir = data_dir[0] if build == "hourly" else data_dir
    rows = query(
        data_dir,
        "select play_id, sources, stream_count, ms_played, is_counted_play, listen_date, "
        "listen_hour, listen_weekday from silver.silver_plays",
    )
    assert {r[0]: r[1:] for r in rows} == EXPECTED_PLAYS
    # 13 distinct event ids of u-dup + 3 + 4: every stream is accounted for in exactly one play.
    assert query(data_dir, "select count(*) from silver.silver_streams") == [(20,)]
    assert query(data_dir, "select sum(stream_count) from silver.silver_plays") == [(20,)]


def test_the_richest_source_gives_a_merged_plays_fields(full):
    # d1 (poller) and x1 (export: derived id, no album, minute-rounded) are one play: the
    # poller's Spotify id, album, device and exact end time are kept.
    assert query(
        full,
        "select track_id, album_name, device_type, played_at from silver.silver_plays "
        "where play_id = 'd1'",
    ) == [("1aaaaaaaaaaaaaaaaaaaa1", "Coastline", "computer", dt.datetime(2024, 12, 1, 9, 3, 20))]


def test_daily_stats_are_local_days(full):
    rows = query(
        full,
        "select user_id, listen_date, plays, skips, listening_ms from gold.daily_listening_stats",
    )
    assert sorted(rows) == [
        # 21:59 UTC on the 26th (23:59 CEST); 22:30, 00:30 and 01:30 UTC on the 27th local.
        ("u-berlin", dt.date(2024, 10, 26), 1, 0, 240000),
        ("u-berlin", dt.date(2024, 10, 27), 3, 0, 580000),
        # x7, late; then d1 200000 + d2 180000 + d3 200000 + d4 10000 (skip) + d5 180000 + x6 30888.
        ("u-dup", dt.date(2024, 11, 30), 1, 0, 240000),
        ("u-dup", dt.date(2024, 12, 1), 5, 1, 800888),
        # 10:30 UTC is 23:30 on the 1st in UTC+13; 11:30 and 11:40 UTC are on the 2nd.
        ("u-tonga", dt.date(2024, 12, 1), 1, 0, 200000),
        ("u-tonga", dt.date(2024, 12, 2), 1, 1, 185000),
    ]


def test_totals_count_plays_not_streams(full):
    # 14 plays, 2 of them skips (d4, t3); 20 streams. Listening time: the sum of the daily figures.
    assert query(
        full, "select total_plays, total_skips, unique_users, listening_ms from gold.listening_totals"
    ) == [(12, 2, 3, 240000 + 580000 + 240000 + 800888 + 200000 + 185000)]


def test_a_changed_setting_then_a_rerun_of_an_old_window_force_full_builds(project, tmp_path):
    data_dir = tmp_path / "data"
    write_lake(data_dir / "lake")
    publish(project, data_dir)
    log = publish(project, data_dir, "--vars", "{dedup_tolerance_seconds: 30}")
    assert "full build: the dbt project or its settings changed" in log
    # The batch of 2024-10-27 02:00 is published again after that build: older than the
    # warehouse's latest arrival hour (2024-12-02 08:00), so partition pruning would miss it.
    manifests = data_dir / "lake" / "_manifests"
    manifests.mkdir()
    (manifests / "w20241027T020000-20241027T030000.json").write_text(
        '{"batch": "w20241027T020000-20241027T030000", "window_start": "2024-10-27T02:00:00Z", '
        '"window_end": "2024-10-27T03:00:00Z", "expected_records": 4, "records_read": 4, '
        '"valid_events": 4, "dead_letters": 0}'
    )
    log = publish(project, data_dir, "--vars", "{dedup_tolerance_seconds: 30}")
    assert "full build: 1 lake batches (w20241027T020000-20241027T030000)" in log


def test_the_published_warehouse_carries_the_checks_it_was_built_with(full):
    [(build_id,)] = query(full, "select build_id from gold.build_info")
    [(checks, names, builds, statuses, test_types)] = query(
        full,
        "select count(*), count(distinct test_name), count(distinct build_id), "
        "string_agg(distinct status, ','), string_agg(distinct test_type, ',') "
        "from gold.data_quality_results",
    )
    assert checks > 50 and names == checks
    # A publish runs the data tests; unit tests run in the test command (ops/test-dbt.sh).
    assert (builds, statuses, test_types) == (1, "pass", "data")
    assert query(full, "select distinct build_id from gold.data_quality_results") == [(build_id,)]


def test_the_listening_clock_counts_the_repeated_dst_hour_twice(full):
    # 00:30 UTC (CEST) and 01:30 UTC (CET) on 2024-10-27 are both Sunday 02:30 in Berlin.
    assert query(
        full,
        "select listen_weekday, listen_hour, plays, listening_ms from gold.listening_clock "
        "where user_id = 'u-berlin' and plays > 0 order by 1, 2",
    ) == [(6, 23, 1, 240000), (7, 0, 1, 200000), (7, 2, 2, 380000)]


def test_sessions_are_cut_on_merged_plays_in_the_users_zone(full):
    rows = query(
        full,
        "select session_id, local_start_date, local_start_hour, tracks, skips, listening_ms "
        "from gold.user_sessions where user_id in ('u-dup', 'u-tonga') order by session_id",
    )
    assert rows == [
        # x7 alone on the 30th; d1..d5 (with their export twins merged away) from 09:00; x6 at 20:14.
        ("u-dup#1", dt.date(2024, 11, 30), 21, 1, 0, 240000),
        ("u-dup#2", dt.date(2024, 12, 1), 9, 4, 1, 770000),
        ("u-dup#3", dt.date(2024, 12, 1), 20, 1, 0, 30888),
        # t1 ends 10:30 UTC, t2 starts 11:27 (57 minutes later): a new session, on the 2nd locally.
        ("u-tonga#1", dt.date(2024, 12, 1), 23, 1, 0, 200000),
        ("u-tonga#2", dt.date(2024, 12, 2), 0, 1, 1, 185000),
    ]
