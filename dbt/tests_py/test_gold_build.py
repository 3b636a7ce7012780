"""Checks the warehouse that ops/dbt-build.sh published from the fixture lake (dbt/fixtures/).

Run by ops/test-dbt.sh, which sets DATA_DIR to a temporary folder holding the fixture lake and the
published $DATA_DIR/warehouse/analytics.duckdb (built with the default play threshold), and puts
airflow/dags on PYTHONPATH for the Python home of the contract (``listening``). The expected
numbers are worked out by hand from dbt/fixtures/plays.csv; the comments say how.
"""

import datetime as dt
import hashlib
import os
import pathlib
import subprocess
import sys

import duckdb
import pytest

from listening import lake, quality

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "ops" / "dbt-build.sh"
FIXTURE_SCRIPT = REPO_ROOT / "dbt" / "fixtures" / "make_fixture_lake.py"

TRACK_A = "7qiZfU4dY1lWllzX7mPBI3"  # Northern Lights
TRACK_B = "0VjIjW4GlUZAMYd2vXMi3b"  # Paper Boats
TRACK_C = "derived-9f86d081884c7d659a2feaa0c55ad015"  # Slow River
TRACK_D = "4Dvkj6JhhA12EX05fT7y2e"  # Static, only ever skipped

# docs/data-contracts.md section 3, in column order.
GOLD_CONTRACT = {
    "listening_totals": [
        ("total_plays", "BIGINT"),
        ("total_skips", "BIGINT"),
        ("unique_tracks", "BIGINT"),
        ("unique_artists", "BIGINT"),
        ("unique_users", "BIGINT"),
        ("listening_ms", "BIGINT"),
        ("first_played_at", "TIMESTAMP"),
        ("last_played_at", "TIMESTAMP"),
        ("counted_streams", "BIGINT"),
    ],
    "daily_listening_stats": [
        ("user_id", "VARCHAR"),
        ("listen_date", "DATE"),
        ("plays", "BIGINT"),
        ("skips", "BIGINT"),
        ("listening_ms", "BIGINT"),
        ("unique_tracks", "BIGINT"),
        ("unique_artists", "BIGINT"),
    ],
    "tracks": [
        ("track_id", "VARCHAR"),
        ("track_name", "VARCHAR"),
        ("artist_name", "VARCHAR"),
        ("plays", "BIGINT"),
        ("listeners", "BIGINT"),
    ],
    "track_co_occurrence": [
        ("track_id", "VARCHAR"),
        ("related_track_id", "VARCHAR"),
        ("co_occurrences", "BIGINT"),
        ("listeners", "BIGINT"),
        ("score", "DOUBLE"),
    ],
    "build_info": [
        ("build_id", "VARCHAR"),
        ("built_at", "TIMESTAMP"),
        ("play_threshold_ms", "BIGINT"),
    ],
}

# Gold tables the webapp does not read yet (not in the contract); their columns are checked too.
GOLD_BEYOND_CONTRACT = {
    # The recommendation models (models/gold/recommendations), read by the recommender module.
    "artist_top_tracks": [
        ("track_id", "VARCHAR"),
        ("artist_key", "VARCHAR"),
        ("plays", "BIGINT"),
        ("listeners", "BIGINT"),
        ("artist_rank", "BIGINT"),
        ("overall_rank", "BIGINT"),
    ],
    "track_transitions": [
        ("track_id", "VARCHAR"),
        ("next_track_id", "VARCHAR"),
        ("transitions", "BIGINT"),
        ("listeners", "BIGINT"),
        ("weight", "DOUBLE"),
        ("probability", "DOUBLE"),
    ],
    "user_artist_preference": [
        ("user_id", "VARCHAR"),
        ("artist_key", "VARCHAR"),
        ("scaled_affinity", "DOUBLE"),
    ],
    "user_track_recency": [
        ("user_id", "VARCHAR"),
        ("track_id", "VARCHAR"),
        ("artist_key", "VARCHAR"),
        ("plays", "BIGINT"),
        ("last_played_at", "TIMESTAMP"),
        ("recency_weight", "DOUBLE"),
        ("familiarity", "DOUBLE"),
    ],
    "user_track_transitions": [
        ("user_id", "VARCHAR"),
        ("track_id", "VARCHAR"),
        ("next_track_id", "VARCHAR"),
        ("transitions", "BIGINT"),
        ("sessions", "BIGINT"),
        ("weight", "DOUBLE"),
        ("probability", "DOUBLE"),
        ("recent_weight", "DOUBLE"),
        ("recent_probability", "DOUBLE"),
        ("replay_weight", "DOUBLE"),
        ("replay_probability", "DOUBLE"),
    ],
    "user_sequence_transitions": [
        ("user_id", "VARCHAR"),
        ("previous_track_id", "VARCHAR"),
        ("track_id", "VARCHAR"),
        ("next_track_id", "VARCHAR"),
        ("follow_ups", "BIGINT"),
        ("weight", "DOUBLE"),
        ("probability", "DOUBLE"),
    ],
    "user_track_neighbours": [
        ("user_id", "VARCHAR"),
        ("track_id", "VARCHAR"),
        ("related_track_id", "VARCHAR"),
        ("sessions_together", "BIGINT"),
        ("track_sessions", "BIGINT"),
        ("share", "DOUBLE"),
    ],
    "user_session_co_occurrence": [
        ("user_id", "VARCHAR"),
        ("track_id", "VARCHAR"),
        ("related_track_id", "VARCHAR"),
        ("sessions_together", "BIGINT"),
        ("track_sessions", "BIGINT"),
        ("share", "DOUBLE"),
    ],
    "user_sessions": [
        ("session_id", "VARCHAR"),
        ("user_id", "VARCHAR"),
        ("session_number", "BIGINT"),
        ("started_at", "TIMESTAMP"),
        ("ended_at", "TIMESTAMP"),
        ("time_zone", "VARCHAR"),
        ("local_start_date", "DATE"),
        ("local_start_hour", "INTEGER"),
        ("length_ms", "BIGINT"),
        ("listening_ms", "BIGINT"),
        ("tracks", "BIGINT"),
        ("skips", "BIGINT"),
        ("unique_tracks", "BIGINT"),
    ],
    "user_artist_affinity": [
        ("user_id", "VARCHAR"),
        ("artist_key", "VARCHAR"),
        ("artist_name", "VARCHAR"),
        ("affinity_rank", "BIGINT"),
        ("plays", "BIGINT"),
        ("skips", "BIGINT"),
        ("listening_ms", "BIGINT"),
        ("last_played_at", "TIMESTAMP"),
        ("affinity_reference_at", "TIMESTAMP"),
        ("affinity", "DOUBLE"),
        ("affinity_share", "DOUBLE"),
    ],
    "year_in_review": [
        ("user_id", "VARCHAR"),
        ("listen_year", "INTEGER"),
        ("listening_ms", "BIGINT"),
        ("listening_minutes", "DOUBLE"),
        ("plays", "BIGINT"),
        ("skips", "BIGINT"),
        ("unique_tracks", "BIGINT"),
        ("unique_artists", "BIGINT"),
        ("top_track_id", "VARCHAR"),
        ("top_tracks", "VARCHAR"),
        ("top_artist_key", "VARCHAR"),
        ("top_artists", "VARCHAR"),
        ("active_days", "BIGINT"),
        ("longest_streak_days", "BIGINT"),
        ("longest_streak_start", "DATE"),
        ("longest_streak_end", "DATE"),
        ("new_tracks", "BIGINT"),
        ("new_artists", "BIGINT"),
    ],
}

# Gold tables beside the contract's (dbt/README.md, "Layers and models"); the webapp does not read
# them yet, so their columns are pinned by their dbt YAML and checked below by value.
GOLD_AGGREGATES = {
    "daily_user_stats",
    "top_tracks",
    "top_artists",
    "device_usage",
    "listening_clock",
    "skip_rates",
    "listening_gaps",
}

# The dashboard's day-level facts: their columns are checked against the webapp's test schema by
# test_dashboard_contract.py.
DASHBOARD_FACTS = {
    "daily_track_listening",
    "hourly_listening",
    "daily_device_listening",
    "daily_podcast_listening",
    "dead_letter_reasons",
    # whole periods over everyone, summed from daily_track_listening (test_period_rollups.py)
    "period_track_listening",
    "period_artist_listening",
    "period_listening_totals",
}

EXPECTED_TOTALS = {
    # 13 plays/skips after dropping the like, the pause and the duplicate of event ...0002;
    # below the 30000 ms threshold: the skip of Slow River (5000) and Static (29999).
    "total_plays": 11,
    "total_skips": 2,
    "unique_tracks": 4,
    "unique_artists": 3,
    "unique_users": 2,
    # alice 1,185,000 + bob 879,999; the duplicate's 10000 ms would make it 2,074,999.
    "listening_ms": 2_064_999,
    "first_played_at": dt.datetime(2024, 12, 1, 10, 0, 0),
    "last_played_at": dt.datetime(2024, 12, 2, 2, 7, 0),
    # No two streams of the fixture are one play, and none is a podcast: as many as total_plays.
    "counted_streams": 11,
}


def data_dir() -> pathlib.Path:
    value = os.environ.get("DATA_DIR")
    if not value:
        pytest.fail("DATA_DIR is not set: run these tests through ops/test-dbt.sh")
    return pathlib.Path(value)


def published_path() -> pathlib.Path:
    return data_dir() / "warehouse" / "analytics.duckdb"


def query(sql: str, path: pathlib.Path | None = None):
    con = duckdb.connect(str(path or published_path()), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def run_build(*args: str, **env_overrides) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PLAY_THRESHOLD_MS"}
    env.update(env_overrides)
    result = subprocess.run(
        ["bash", str(BUILD_SCRIPT), *args], env=env, capture_output=True, text=True, timeout=600
    )
    sys.stdout.write(result.stdout[-4000:])
    sys.stderr.write(result.stderr[-4000:])
    return result


def file_fingerprint(path: pathlib.Path):
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def test_gold_tables_have_exactly_the_contract_columns():
    rows = query(
        """
        select table_name, column_name, data_type
        from information_schema.columns
        where table_schema = 'gold'
        order by table_name, ordinal_position
        """
    )
    actual: dict[str, list] = {}
    for table, column, data_type in rows:
        actual.setdefault(table, []).append((column, data_type))
    assert {table: actual.get(table) for table in GOLD_CONTRACT} == GOLD_CONTRACT
    assert {table: actual.get(table) for table in GOLD_BEYOND_CONTRACT} == GOLD_BEYOND_CONTRACT
    assert set(actual) == (
        set(GOLD_CONTRACT)
        | set(GOLD_BEYOND_CONTRACT)
        | GOLD_AGGREGATES
        | DASHBOARD_FACTS
        | {"data_quality_results"}
    )


def test_warehouse_has_exactly_the_bronze_silver_gold_schemas():
    schemas = {row[0] for row in query("select schema_name from information_schema.schemata where catalog_name = current_database()")}
    assert {"bronze", "silver", "gold"} <= schemas
    assert not {s for s in schemas if s not in {"bronze", "silver", "gold", "main", "information_schema", "pg_catalog"}}


def test_listening_totals():
    columns = [name for name, _ in GOLD_CONTRACT["listening_totals"]]
    rows = query(f"select {', '.join(columns)} from gold.listening_totals")
    assert len(rows) == 1
    assert dict(zip(columns, rows[0])) == EXPECTED_TOTALS


def test_silver_keeps_the_earliest_ingested_duplicate():
    rows = query(
        """
        select ms_played, ingested_at, kafka_offset, is_counted_play
        from silver.silver_streams
        where event_id = '6f1d2c1e-0001-4000-8000-000000000002'
        """
    )
    assert rows == [(180_000, dt.datetime(2024, 12, 1, 10, 4, 5), 101, True)]


def test_daily_listening_stats():
    rows = query(
        """
        select user_id, listen_date, plays, skips, listening_ms, unique_tracks, unique_artists
        from gold.daily_listening_stats
        order by user_id, listen_date
        """
    )
    assert rows == [
        ("user-alice", dt.date(2024, 12, 1), 6, 1, 1_185_000, 3, 2),
        ("user-bob", dt.date(2024, 12, 1), 2, 0, 440_000, 2, 1),
        # bob's session runs past midnight; he has no zone in the seed, so his days are cut at
        # midnight UTC (var default_time_zone). alice's zone (Europe/Berlin, UTC+1) keeps all her
        # plays, 10:00-11:04 UTC, on 2024-12-01.
        ("user-bob", dt.date(2024, 12, 2), 3, 1, 439_999, 4, 3),
    ]


def test_tracks():
    rows = query("select track_id, track_name, artist_name, plays, listeners from gold.tracks order by track_id")
    assert rows == sorted(
        [
            (TRACK_A, "Northern Lights", "Aurora Fields", 5, 2),
            (TRACK_B, "Paper Boats", "Aurora Fields", 4, 2),
            (TRACK_C, "Slow River", "The Quiet Hours", 2, 2),
            (TRACK_D, "Static", "Neon Harbor", 0, 0),
        ]
    )


def test_dim_users_take_the_seed_zone_else_the_default():
    # The seed gives alice Europe/Berlin; bob is not in it and gets var default_time_zone (UTC).
    # alice: 7 streams (e1-e7 after the duplicate of ...0002 is dropped), the skip of Slow River
    # (5000 ms) not a play; bob: 6 streams, Static (29999 ms) not a play.
    rows = query(
        """
        select user_id, time_zone, time_zone_source, first_played_at, last_played_at,
               first_listen_date, last_listen_date, plays, streams
        from silver.dim_users
        order by user_id
        """
    )
    assert rows == [
        ("user-alice", "Europe/Berlin", "seed", dt.datetime(2024, 12, 1, 10, 0), dt.datetime(2024, 12, 1, 11, 4),
         dt.date(2024, 12, 1), dt.date(2024, 12, 1), 6, 7),
        ("user-bob", "UTC", "default", dt.datetime(2024, 12, 1, 23, 50), dt.datetime(2024, 12, 2, 2, 7),
         dt.date(2024, 12, 1), dt.date(2024, 12, 2), 5, 6),
    ]


def test_daily_user_stats():
    # The music columns are daily_listening_stats' (test_daily_listening_stats); the fixture has
    # no podcast, so podcast_ms is 0; first/last_played_at are the day's first and last played_at.
    rows = query(
        """
        select user_id, listen_date, plays, skips, listening_ms, podcast_ms, first_played_at, last_played_at
        from gold.daily_user_stats
        order by user_id, listen_date
        """
    )
    assert rows == [
        ("user-alice", dt.date(2024, 12, 1), 6, 1, 1_185_000, 0, dt.datetime(2024, 12, 1, 10, 0), dt.datetime(2024, 12, 1, 11, 4)),
        ("user-bob", dt.date(2024, 12, 1), 2, 0, 440_000, 0, dt.datetime(2024, 12, 1, 23, 50), dt.datetime(2024, 12, 1, 23, 58)),
        ("user-bob", dt.date(2024, 12, 2), 3, 1, 439_999, 0, dt.datetime(2024, 12, 2, 0, 20), dt.datetime(2024, 12, 2, 2, 7)),
    ]


def test_listening_clock_is_a_full_week_in_each_users_zone():
    # 2024-12-01 is a Sunday (7). alice's plays end 10:00-10:12 UTC, 11:xx in Berlin: Northern
    # Lights 3 x 200000, Paper Boats 180000, the skip of Slow River 5000 -> 4 plays, 785000 ms;
    # 11:00 and 11:04 UTC are 12:xx: 2 plays, 400000 ms. bob (UTC): Sunday 23:50 and 23:58 ->
    # 2 plays, 240000 + 200000; Monday 00:20 -> 200000; 01:30 skip 29999 and 01:34 play 30000 ->
    # 1 play, 59999 ms; 02:07 -> 180000.
    cells = query(
        """
        select user_id, listen_weekday, listen_hour, plays, listening_ms
        from gold.listening_clock
        where plays > 0 or listening_ms > 0
        order by all
        """
    )
    assert cells == [
        ("user-alice", 7, 11, 4, 785_000),
        ("user-alice", 7, 12, 2, 400_000),
        ("user-bob", 1, 0, 1, 200_000),
        ("user-bob", 1, 1, 1, 59_999),
        ("user-bob", 1, 2, 1, 180_000),
        ("user-bob", 7, 23, 2, 440_000),
    ]
    # Every other hour of the week is there with zeros: 2 users x 7 x 24 cells.
    assert query("select count(*) from gold.listening_clock") == [(336,)]


def test_top_tracks():
    # Everyone, all time: Northern Lights 5 plays (alice 3 x 200000, bob 240000 + 200000),
    # Paper Boats 4 (180000 + 200000, 200000 + 180000), Slow River 2 (alice's 5000 ms skip
    # counts in listening_ms: 5000 + 200000 + 30000); Static was only skipped and is not ranked.
    everyone = query(
        """
        select track_id, rank, plays, listening_ms, listeners
        from gold.top_tracks
        where scope = 'everyone' and user_id = '*' and period_type = 'all_time'
        order by rank
        """
    )
    assert everyone == [
        (TRACK_A, 1, 5, 1_040_000, 2),
        (TRACK_B, 2, 4, 760_000, 2),
        (TRACK_C, 3, 2, 235_000, 2),
    ]
    # bob's session crosses from Sunday into Monday, so into the next ISO week: the week of
    # Monday 2024-11-25 has A (240000) and B (200000), the week of 2024-12-02 one play each of
    # A (200000), B (180000) and C (30000), ranked by listening_ms.
    weeks = query(
        """
        select period_start, track_id, rank, plays, listening_ms
        from gold.top_tracks
        where scope = 'user' and user_id = 'user-bob' and period_type = 'week'
        order by period_start, rank
        """
    )
    assert weeks == [
        (dt.date(2024, 11, 25), TRACK_A, 1, 1, 240_000),
        (dt.date(2024, 11, 25), TRACK_B, 2, 1, 200_000),
        (dt.date(2024, 12, 2), TRACK_A, 1, 1, 200_000),
        (dt.date(2024, 12, 2), TRACK_B, 2, 1, 180_000),
        (dt.date(2024, 12, 2), TRACK_C, 3, 1, 30_000),
    ]


def test_skip_rates_of_users_beside_the_reported_flag():
    # alice: 7 streams, 1 below the threshold, no source of hers reports Spotify's flag. bob:
    # 6 streams, Static (29999 ms) the one skip; 3 carry the flag: Paper Boats false, Static true,
    # Slow River true although its 30000 ms count as a play.
    rows = query(
        """
        select dimension_key, streams, skips, flagged_streams, reported_skips, reported_skip_rate
        from gold.skip_rates
        where dimension = 'user'
        order by dimension_key
        """
    )
    assert rows == [
        ("user-alice", 7, 1, 0, 0, None),
        ("user-bob", 6, 1, 3, 2, pytest.approx(2 / 3)),
    ]


def test_track_co_occurrence():
    # Sessions of counted plays: alice A B A A | B C (44-minute gap); bob A B A (across
    # midnight, 18m40s gap) | C (D is a skip) | B (gap of exactly 30 minutes starts a session).
    # Counted plays at most co_occurrence_window = 3 positions apart pair up (A-A is no pair):
    # alice's A1 B2 A3 A4 gives A-B (1,2), B-A (2,3), B-A (2,4): 3; her B C gives B-C: 1. Bob's
    # A1 B2 A3 gives A-B (1,2), B-A (2,3): 2. Each user adds at most co_occurrence_user_cap = 3:
    # A-B = 3 + 2 = 5 from 2 listeners, B-C = 1, both directions. score: A's and C's only pair
    # 1.0; B's best is A (5), so B-C = 1/5. (Adjacent plays only, uncapped, gave A-B 4, 0.25.)
    rows = query(
        "select track_id, related_track_id, co_occurrences, listeners, score from gold.track_co_occurrence order by all"
    )
    assert rows == sorted(
        [
            (TRACK_A, TRACK_B, 5, 2, 1.0),
            (TRACK_B, TRACK_A, 5, 2, 1.0),
            (TRACK_B, TRACK_C, 1, 1, 0.2),
            (TRACK_C, TRACK_B, 1, 1, 1.0),
        ]
    )


def test_sessions():
    rows = query(
        """
        select user_id, count(distinct session_id)
        from silver.int_plays_sessionized
        group by user_id
        order by user_id
        """
    )
    assert rows == [("user-alice", 2), ("user-bob", 3)]


def test_user_sessions():
    # From silver_plays' started_at (played_at - ms_played where no source said) to played_at:
    # alice#1 09:56:40-10:12:00 = 920 s: A 200000, B 180000, skip C 5000, A, A = 785000 ms, 4
    # plays, 1 skip, 3 tracks; alice#2 10:56:40-11:04:00 = 440 s: B, C 200000 each. bob#1
    # 23:46:00-00:20:00 = 34 min: A 240000, B 200000, A 200000; bob#2 01:29:30.001-01:34:00:
    # skip D 29999, C 30000; bob#3 02:04-02:07: B 180000. alice is in Europe/Berlin (the seed; UTC+1
    # in December), so her sessions start an hour later locally; bob has no zone: local = UTC.
    rows = query(
        """
        select session_id, started_at, ended_at, local_start_date, local_start_hour,
               length_ms, listening_ms, tracks, skips, unique_tracks
        from gold.user_sessions
        order by session_id
        """
    )
    day1, day2 = dt.date(2024, 12, 1), dt.date(2024, 12, 2)
    assert rows == [
        ("user-alice#1", dt.datetime(2024, 12, 1, 9, 56, 40), dt.datetime(2024, 12, 1, 10, 12), day1, 10, 920_000, 785_000, 4, 1, 3),
        ("user-alice#2", dt.datetime(2024, 12, 1, 10, 56, 40), dt.datetime(2024, 12, 1, 11, 4), day1, 11, 440_000, 400_000, 2, 0, 2),
        ("user-bob#1", dt.datetime(2024, 12, 1, 23, 46), dt.datetime(2024, 12, 2, 0, 20), day1, 23, 2_040_000, 640_000, 3, 0, 2),
        ("user-bob#2", dt.datetime(2024, 12, 2, 1, 29, 30, 1000), dt.datetime(2024, 12, 2, 1, 34), day2, 1, 269_999, 59_999, 1, 1, 2),
        ("user-bob#3", dt.datetime(2024, 12, 2, 2, 4), dt.datetime(2024, 12, 2, 2, 7), day2, 2, 180_000, 180_000, 1, 0, 1),
    ]


def test_user_artist_affinity():
    # The reference is the data's latest play, bob's at 2024-12-02 02:07. Ages in days, half life
    # 90: alice's Aurora Fields plays ended 10:00, 10:04, 10:08, 10:12 and 11:00 on 1 December
    # (16h07m, 16h03m, 15h59m, 15h55m, 15h07m before): 200000/180000/200000/200000/200000 ms.
    reference = dt.datetime(2024, 12, 2, 2, 7)

    def weight(ms, ended):
        return ms * 0.5 ** ((reference - ended).total_seconds() / 86400 / 90)

    def at(hour, minute, day=1):
        return dt.datetime(2024, 12, day, hour, minute)

    expected = {
        ("user-alice", "aurora fields"): (5, 0, 980_000, at(11, 0), sum(
            weight(ms, ended) for ms, ended in [
                (200_000, at(10, 0)), (180_000, at(10, 4)), (200_000, at(10, 8)),
                (200_000, at(10, 12)), (200_000, at(11, 0)),
            ]
        )),
        # the 5000 ms skip counts with its ms_played
        ("user-alice", "the quiet hours"): (1, 1, 205_000, at(11, 4),
                                            weight(5_000, dt.datetime(2024, 12, 1, 10, 4, 20)) + weight(200_000, at(11, 4))),
        ("user-bob", "aurora fields"): (4, 0, 820_000, at(2, 7, 2), sum(
            weight(ms, ended) for ms, ended in [
                (240_000, at(23, 50)), (200_000, at(23, 58)), (200_000, at(0, 20, 2)), (180_000, at(2, 7, 2)),
            ]
        )),
        ("user-bob", "neon harbor"): (0, 1, 29_999, at(1, 30, 2), weight(29_999, at(1, 30, 2))),
        ("user-bob", "the quiet hours"): (1, 0, 30_000, at(1, 34, 2), weight(30_000, at(1, 34, 2))),
    }
    rows = query(
        """
        select user_id, artist_key, affinity_rank, plays, skips, listening_ms, last_played_at,
               affinity_reference_at, affinity, affinity_share
        from gold.user_artist_affinity
        order by user_id, affinity_rank
        """
    )
    # bob: Neon Harbor's 29999 ms 37 minutes before the reference weigh less than The Quiet
    # Hours' 30000 ms 33 minutes before, so it ranks third.
    assert [(user, artist, rank) for user, artist, rank, *_ in rows] == [
        ("user-alice", "aurora fields", 1),
        ("user-alice", "the quiet hours", 2),
        ("user-bob", "aurora fields", 1),
        ("user-bob", "the quiet hours", 2),
        ("user-bob", "neon harbor", 3),
    ]
    totals = {}
    for (user, _), (*_, affinity) in expected.items():
        totals[user] = totals.get(user, 0) + affinity
    for user, artist, _, plays, skips, listening_ms, last, ref, affinity, share in rows:
        *counts, want = expected[(user, artist)]
        assert [plays, skips, listening_ms, last] == counts
        assert ref == reference
        assert affinity == pytest.approx(want, rel=1e-12)
        assert share == pytest.approx(want / totals[user], rel=1e-12)


def test_year_in_review():
    # All in 2024 (UTC). alice: 6 plays, 1 skip, 1,185,000 ms = 19.75 min; Northern Lights 3
    # plays, Paper Boats 2, Slow River 1 (+ its skip); Aurora Fields 5 plays, The Quiet Hours 1;
    # one active day. bob: 5 plays, 1 skip (Static), 879,999 ms; Northern Lights 2 plays
    # (440,000 ms) before Paper Boats 2 (380,000 ms), Slow River 1; Static only skipped, so not
    # in the top lists and not a discovery; active 1 and 2 December: a 2-day streak. Everything
    # is new in 2024: 3 tracks and 2 artists each.
    rows = query(
        """
        select user_id, listen_year, listening_ms, listening_minutes, plays, skips, unique_tracks,
               unique_artists, top_track_id, top_tracks, top_artist_key, top_artists, active_days,
               longest_streak_days, longest_streak_start, longest_streak_end, new_tracks, new_artists
        from gold.year_in_review
        order by user_id, listen_year
        """
    )
    top_tracks = "Northern Lights, Paper Boats, Slow River"
    top_artists = "Aurora Fields, The Quiet Hours"
    day1, day2 = dt.date(2024, 12, 1), dt.date(2024, 12, 2)
    assert rows == [
        ("user-alice", 2024, 1_185_000, 19.75, 6, 1, 3, 2, TRACK_A, top_tracks, "aurora fields", top_artists,
         1, 1, day1, day1, 3, 2),
        ("user-bob", 2024, 879_999, 879_999 / 60_000, 5, 1, 4, 3, TRACK_A, top_tracks, "aurora fields", top_artists,
         2, 2, day1, day2, 3, 2),
    ]


def test_dead_letters_are_staged():
    rows = query(
        "select kafka_topic, kafka_partition, kafka_offset, rejection_reason from bronze.stg_lake__dead_letters order by all"
    )
    assert rows == [
        ("spotify-plays", 0, 99, "malformed JSON: unexpected end of input"),
        ("spotify-plays", 1, 199, "ms_played must be >= 0"),
    ]


def test_build_info_and_published_files():
    [(build_id, built_at, threshold)] = query(
        "select build_id, built_at, play_threshold_ms from gold.build_info"
    )
    assert len(build_id) == 36
    assert threshold == 30000  # the default of dbt_project.yml: ops/test-dbt.sh sets none
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    assert now - dt.timedelta(hours=1) < built_at <= now + dt.timedelta(minutes=1)
    warehouse = published_path().parent
    assert not (warehouse / "analytics.duckdb.wal").exists()
    assert not (warehouse / "analytics.build.duckdb").exists()
    assert not (warehouse / "analytics.build.duckdb.wal").exists()


def test_rebuild_publishes_by_rename_while_a_reader_holds_the_published_file():
    published = published_path()
    reader = duckdb.connect(str(published), read_only=True)
    try:
        [(old_build_id,)] = reader.execute("select build_id from gold.build_info").fetchall()
        result = run_build()
        assert result.returncode == 0, "rebuild failed while a reader held the published file"
        # The open reader keeps the build it opened ...
        assert reader.execute("select build_id from gold.build_info").fetchall() == [(old_build_id,)]
    finally:
        reader.close()
    # ... and a new connection sees the new one, with the same numbers (reruns are idempotent).
    [(new_build_id,)] = query("select build_id from gold.build_info")
    assert new_build_id != old_build_id
    test_listening_totals()
    test_track_co_occurrence()


def test_failed_build_leaves_the_published_file_untouched(tmp_path):
    published = published_path()
    before = file_fingerprint(published)
    empty_lake = tmp_path / "empty-lake"
    empty_lake.mkdir()
    result = run_build(LAKE_DIR=str(empty_lake))
    assert result.returncode != 0
    assert "left untouched" in result.stderr
    assert file_fingerprint(published) == before
    test_listening_totals()


def test_build_without_dead_letter_files(tmp_path):
    other_data_dir = tmp_path / "data"
    lake = other_data_dir / "lake"
    subprocess.run(
        [sys.executable, str(FIXTURE_SCRIPT), str(lake), "--without-dead-letters"], check=True
    )
    assert not (lake / "dead_letter").exists()
    result = run_build(DATA_DIR=str(other_data_dir), LAKE_DIR=str(lake))
    assert result.returncode == 0, "build failed on a lake without dead letters"
    warehouse = other_data_dir / "warehouse" / "analytics.duckdb"
    assert query("select count(*) from bronze.stg_lake__dead_letters", warehouse) == [(0,)]
    assert query("select total_plays, listening_ms from gold.listening_totals", warehouse) == [(11, 2_064_999)]


# With PLAY_THRESHOLD_MS=120000 the fixture's 30000 ms stream of Slow River (bob, 01:34) no
# longer counts: every other counted stream lasts at least 180000 ms.
EXPECTED_AT_120000 = {
    "totals": (10, 3),
    "daily": [
        ("user-alice", dt.date(2024, 12, 1), 6, 1),
        ("user-bob", dt.date(2024, 12, 1), 2, 0),
        ("user-bob", dt.date(2024, 12, 2), 2, 2),
    ],
    "tracks": sorted(
        [(TRACK_A, 5, 2), (TRACK_B, 4, 2), (TRACK_C, 1, 1), (TRACK_D, 0, 0)]
    ),
}


def new_data_dir(tmp_path, *fixture_args: str) -> pathlib.Path:
    """A DATA_DIR of its own with a fresh fixture lake."""
    other = tmp_path / "data"
    subprocess.run(
        [sys.executable, str(FIXTURE_SCRIPT), str(other / "lake"), *fixture_args], check=True
    )
    return other


def build_in(data: pathlib.Path, *args: str, **env) -> subprocess.CompletedProcess:
    return run_build(*args, DATA_DIR=str(data), LAKE_DIR=str(data / "lake"), **env)


@pytest.fixture(scope="module")
def strict_build(tmp_path_factory):
    """The fixture lake built with PLAY_THRESHOLD_MS=120000 in a DATA_DIR of its own."""
    data = new_data_dir(tmp_path_factory.mktemp("strict"))
    result = build_in(data, PLAY_THRESHOLD_MS="120000")
    assert result.returncode == 0, "build with PLAY_THRESHOLD_MS=120000 failed"
    return data


def figures(warehouse: pathlib.Path) -> dict:
    return {
        "threshold": query("select play_threshold_ms from gold.build_info", warehouse)[0][0],
        "totals": query("select total_plays, total_skips from gold.listening_totals", warehouse)[0],
        "daily": query(
            "select user_id, listen_date, plays, skips from gold.daily_listening_stats order by all",
            warehouse,
        ),
        "tracks": query("select track_id, plays, listeners from gold.tracks order by all", warehouse),
    }


def test_the_play_threshold_setting_decides_every_figure(strict_build):
    default = figures(published_path())
    strict = figures(strict_build / "warehouse" / "analytics.duckdb")

    assert (default["threshold"], strict["threshold"]) == (30000, 120000)
    assert default["totals"] == (11, 2)
    assert {k: strict[k] for k in EXPECTED_AT_120000} == EXPECTED_AT_120000
    assert strict["totals"] != default["totals"]


@pytest.mark.parametrize("which", ["default", "strict"])
def test_gold_equals_the_lake_count_with_the_recorded_threshold_and_reconciles(
    strict_build, which
):
    data = data_dir() if which == "default" else strict_build
    warehouse = data / "warehouse" / "analytics.duckdb"
    [(threshold, total_plays)] = query(
        "select play_threshold_ms, total_plays from gold.build_info cross join gold.listening_totals",
        warehouse,
    )
    # The lake counted by the Python home of the contract, with the threshold the build recorded.
    assert lake.lake_play_count(str(data / "lake"), threshold) == total_plays
    # The data-quality reconciliation (offsets, silver, gold total) passes on this build.
    # silver_streams is silver's table with one row per event_id (silver_plays has one per play).
    report = quality.check(str(data / "lake"), str(warehouse), "silver.silver_streams")
    assert (report.play_threshold_ms, report.lake_counted_plays) == (threshold, total_plays)
    assert report.lake_not_in_silver == 0


def test_a_play_threshold_that_is_not_a_whole_number_fails_the_build():
    published = published_path()
    before = file_fingerprint(published)
    for bad in ("abc", "-5"):
        result = run_build(PLAY_THRESHOLD_MS=bad)
        assert result.returncode != 0, bad
        assert "must be a whole number of milliseconds" in result.stdout + result.stderr
    assert file_fingerprint(published) == before


def test_the_reported_skip_flag_is_read_and_does_not_count():
    rows = query(
        """
        select play_id, is_reported_skip, is_counted_play
        from silver.silver_plays
        where is_reported_skip is not null
        order by play_id
        """
    )
    assert rows == [
        ("6f1d2c1e-0002-4000-8000-000000000010", False, True),
        ("6f1d2c1e-0002-4000-8000-000000000012", True, False),
        # Spotify says skipped, but 30000 ms reach the threshold: it counts.
        ("6f1d2c1e-0002-4000-8000-000000000013", True, True),
    ]
    # The fixture lake mixes files written before the column existed with newer ones.
    assert query("select count(*) from silver.silver_streams where is_reported_skip is null") == [(10,)]


def test_bronze_knows_when_each_record_arrived_where_the_lake_says_so():
    # Current files carry kafka_timestamp and lie in the partition of that hour; older ones lack it.
    rows = query(
        """
        select arrived_at is null as is_legacy, count(*)
        from bronze.stg_lake__plays
        group by all
        order by all
        """
    )
    assert [is_legacy for is_legacy, _ in rows] == [False, True]
    assert all(count > 0 for _, count in rows)


@pytest.mark.parametrize("skipped_column", ["none", "all"])
def test_bronze_reads_lakes_whose_files_all_lack_or_all_have_the_skipped_column(
    tmp_path, skipped_column
):
    data = new_data_dir(tmp_path, "--skipped-column", skipped_column)
    result = build_in(data)
    assert result.returncode == 0, f"build failed on a lake with skipped-column={skipped_column}"
    warehouse = data / "warehouse" / "analytics.duckdb"
    flagged = query("select count(is_reported_skip) from bronze.stg_lake__plays", warehouse)
    assert flagged == [(0 if skipped_column == "none" else 3,)]
    arrived = query("select count(arrived_at), count(*) from bronze.stg_lake__plays", warehouse)
    assert arrived[0][0] == (0 if skipped_column == "none" else arrived[0][1])
    assert query("select total_plays, total_skips from gold.listening_totals", warehouse) == [(11, 2)]


def test_a_data_quality_check_leaves_the_published_file_as_it_was():
    published = published_path()
    before = file_fingerprint(published)
    listing = sorted(os.listdir(published.parent))
    result = run_build("--check", "--select", "test_type:data")
    assert result.returncode == 0, "dbt data tests failed on the fixture warehouse"
    assert "PASS=" in result.stdout
    assert file_fingerprint(published) == before
    assert sorted(os.listdir(published.parent)) == listing


def test_a_failing_data_quality_check_leaves_the_published_file_as_it_was(strict_build, tmp_path):
    # A published warehouse whose gold.tracks breaks its unique key.
    data = tmp_path / "data"
    (data / "warehouse").mkdir(parents=True)
    published = data / "warehouse" / "analytics.duckdb"
    published.write_bytes((strict_build / "warehouse" / "analytics.duckdb").read_bytes())
    con = duckdb.connect(str(published))
    con.execute("insert into gold.tracks select * from gold.tracks limit 1")
    con.close()
    before = file_fingerprint(published)
    result = run_build(
        "--check", "--select", "test_type:data", DATA_DIR=str(data), LAKE_DIR=str(strict_build / "lake")
    )
    assert result.returncode != 0
    assert "the published file was not changed" in result.stderr
    assert file_fingerprint(published) == before
    assert sorted(os.listdir(published.parent)) == ["analytics.duckdb"]


def test_publish_refuses_a_build_whose_data_tests_fail(tmp_path):
    data = new_data_dir(tmp_path)
    assert build_in(data).returncode == 0
    published = data / "warehouse" / "analytics.duckdb"
    before = file_fingerprint(published)
    # A valid-looking stream with a negative ms_played: the models build, silver's tests fail.
    hour = data / "lake" / "plays" / "year=2024" / "month=12" / "day=02" / "hour=02"
    source = next(hour.glob("*.parquet"))
    con = duckdb.connect()
    con.execute(
        f"""
        copy (
            select * replace ('6f1d2c1e-0002-4000-8000-0000000000aa' as event_id,
                              -1::bigint as ms_played, 999::bigint as kafka_offset)
            from read_parquet('{source}') where event_type = 'play' limit 1
        ) to '{hour / "w-bad-00000-of-00001.parquet"}' (format parquet)
        """
    )
    con.close()
    result = build_in(data)
    assert result.returncode != 0
    assert "accepted_range_silver_streams_ms_played" in result.stdout
    assert "left untouched" in result.stderr
    assert file_fingerprint(published) == before
