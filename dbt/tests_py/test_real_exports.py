"""Two real basic exports (fixtures/spotify-exports/p02 and p03, see their README) through the
warehouse: the podcast rule of int_artist_content_types and the same-source merge of silver_plays
on data nobody made up.

p02 is an older StreamingHistory0.json that lists podcast episodes as tracks (the show as artist);
p03 holds long ambient tracks (Stardust Vibes, 75 minutes; Sol Good Sounds, 7.7 hours), which
are music. Both are imported as the poller's importer maps basic records: name-only, derived ids,
minute-rounded end times.
"""

import datetime as dt
import os
import pathlib
import subprocess
import sys

import duckdb
import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
EXPORTS = REPO_ROOT / "fixtures" / "spotify-exports"
FIXTURE_SCRIPT = REPO_ROOT / "dbt" / "fixtures" / "make_fixture_lake.py"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("exports")
    subprocess.run(
        [sys.executable, str(FIXTURE_SCRIPT), str(data_dir / "lake"),
         "--basic-export", f"p02={EXPORTS / 'p02'}", "--basic-export", f"p03={EXPORTS / 'p03'}"],
        check=True,
    )
    env = {k: v for k, v in os.environ.items() if k != "PLAY_THRESHOLD_MS"}
    env.update(
        DATA_DIR=str(data_dir),
        LAKE_DIR=str(data_dir / "lake"),
        DBT_TARGET_PATH=str(data_dir / "dbt-target"),
        DBT_LOG_PATH=str(data_dir / "dbt-logs"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "listening.warehouse", "publish"],
        env=env, capture_output=True, text=True, timeout=600,
    )
    sys.stderr.write(result.stderr[-3000:])
    assert result.returncode == 0, "the build of the real exports failed"
    con = duckdb.connect(str(data_dir / "warehouse" / "analytics.duckdb"), read_only=True)
    yield con
    con.close()


def content_types(con, artist: str) -> list[tuple]:
    return con.execute(
        "select content_type, count(*) from silver.silver_plays where artist_name = ? group by 1",
        [artist],
    ).fetchall()


def test_the_f1_podcast_in_an_old_basic_export_is_a_podcast(warehouse):
    # 165 records of the show, 86 of them streams over 15 minutes (the export's own figures).
    assert warehouse.execute(
        "select count(*), sum(case when ms_played > 15 * 60000 then 1 else 0 end) "
        "from silver.silver_streams where artist_name = 'Back Of The Grid | F1 Podcast'"
    ).fetchall() == [(165, 86)]
    [(content_type, plays)] = content_types(warehouse, "Back Of The Grid | F1 Podcast")
    assert content_type == "podcast" and plays > 0


@pytest.mark.parametrize(
    "show", ["The Intelligence from The Economist", "Dimension 20", "The Indycar Fan Podcast"]
)
def test_other_shows_of_the_same_export_are_podcasts(warehouse, show):
    assert [t for t, _ in content_types(warehouse, show)] == ["podcast"]


@pytest.mark.parametrize("artist", ["Stardust Vibes", "Sol Good Sounds", "Bear McCreary"])
def test_long_ambient_tracks_and_film_scores_are_music(warehouse, artist):
    assert [t for t, _ in content_types(warehouse, artist)] == ["music"]


def test_podcasts_stay_out_of_music_totals(warehouse):
    [(music_plays, podcast_plays)] = warehouse.execute(
        "select sum(case when content_type = 'music' and is_counted_play then 1 else 0 end), "
        "sum(case when content_type = 'podcast' and is_counted_play then 1 else 0 end) "
        "from silver.silver_plays"
    ).fetchall()
    assert podcast_plays > 0
    assert warehouse.execute("select total_plays from gold.listening_totals").fetchall() == [
        (music_plays,)
    ]


def test_one_stream_logged_twice_in_the_same_minute_is_one_play(warehouse):
    # p03 logs My Favorite Accident twice ending at 19:09 on 2020-05-10 (3,492 ms and 250 ms:
    # the shorter lies inside the longer), then a full play ending 19:12.
    rows = warehouse.execute(
        "select played_at, ms_played, stream_count from silver.silver_plays "
        "where user_id = 'p03' and track_name = 'My Favorite Accident' "
        "and played_at between '2020-05-10 19:00' and '2020-05-10 19:30' order by played_at"
    ).fetchall()
    assert rows == [
        (dt.datetime(2020, 5, 10, 19, 9), 3492, 2),
        (dt.datetime(2020, 5, 10, 19, 12), 200200, 1),
    ]


def test_every_stream_is_in_exactly_one_play(warehouse):
    assert warehouse.execute(
        "select (select count(*) from silver.silver_streams), "
        "(select sum(stream_count) from silver.silver_plays)"
    ).fetchall() == [(15728, 15728)]
