"""The publishing rules of listening.warehouse, with a fake dbt that writes small DuckDB files.

The real dbt project is built by ops/test-dbt.sh (dbt/tests_py); here the program's own decisions
are checked: what is published when, what is left untouched, and that a check never publishes.
"""

import fcntl
import hashlib
import json
import os
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from listening import warehouse
from listening.warehouse import Settings, WarehouseError

FAKE_DBT = textwrap.dedent(
    """\
    #!{python}
    # Records its call, then acts like dbt on $DBT_DUCKDB_PATH as $FAKE_DBT says:
    # ok (default), fail, no-build-info, leave-wal.
    import json, os, sys
    import duckdb

    args = [a for a in sys.argv[1:] if not a.startswith("--no-")]
    path = os.environ["DBT_DUCKDB_PATH"]
    started_from = None
    indexes_at_start = 0
    if path != ":memory:" and os.path.exists(path):
        con = duckdb.connect(path, read_only=True)
        started_from = con.execute("select build_id from gold.build_info").fetchone()[0]
        indexes_at_start = con.execute("select count(*) from duckdb_indexes()").fetchone()[0]
        con.close()
    with open(os.environ["FAKE_DBT_CALLS"], "a") as calls:
        calls.write(json.dumps({{
            "args": args,
            "database": path,
            "started_from": started_from,
            "indexes_at_start": indexes_at_start,
            "env": {{k: os.environ.get(k) for k in
                    ("LAKE_DIR", "DBT_PROFILES_DIR", "DBT_PROJECT_DIR", "PLAY_THRESHOLD_MS")}},
        }}) + "\\n")
    behaviour = os.environ.get("FAKE_DBT", "ok")
    if args[0] == "build":
        con = duckdb.connect(path)
        con.execute("set checkpoint_threshold = '1TB'")
        con.execute("create schema if not exists gold")
        con.execute("create or replace table gold.tracks as select 1 as track_id")
        if behaviour != "no-build-info":
            threshold = int(os.environ.get("PLAY_THRESHOLD_MS", "30000"))
            con.execute(
                "create or replace table gold.build_info as select ? as build_id, "
                "timestamp '2024-12-01 10:00:00' as built_at, ?::bigint as play_threshold_ms",
                [os.environ.get("FAKE_BUILD_ID", "new-build"), threshold])
            con.execute(
                "create or replace table gold.listening_totals "
                "as select 7::bigint as total_plays, 7::bigint as counted_streams")
        if behaviour == "leave-wal":
            os._exit(0)  # no close, no checkpoint: the WAL stays beside the file
        con.close()
    elif args[0] == "test" and path != ":memory:":
        con = duckdb.connect(path)  # tests may write to the file they run on
        con.execute("create table main.scratch as select 1 as x")
        con.close()
    sys.exit(1 if behaviour == "fail" else 0)
    """
)


@pytest.fixture
def fake(tmp_path, monkeypatch):
    dbt = tmp_path / "bin" / "dbt"
    dbt.parent.mkdir()
    dbt.write_text(FAKE_DBT.format(python=sys.executable))
    dbt.chmod(0o755)
    calls = tmp_path / "dbt-calls.jsonl"
    monkeypatch.setenv("FAKE_DBT_CALLS", str(calls))
    monkeypatch.delenv("FAKE_DBT", raising=False)
    monkeypatch.delenv("PLAY_THRESHOLD_MS", raising=False)
    monkeypatch.delenv("DBT_TARGET", raising=False)
    settings = Settings(
        data_dir=str(tmp_path / "data"),
        lake_dir=str(tmp_path / "data" / "lake"),
        project_dir="/repo/dbt",
        dbt=str(dbt),
    )

    def read_calls():
        if not calls.exists():
            return []
        return [json.loads(line) for line in calls.read_text().splitlines()]

    return settings, read_calls


def fingerprint(path: str):
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns, hashlib.sha256(Path(path).read_bytes()).hexdigest()


def publish_once(settings, monkeypatch, build_id="published-build"):
    monkeypatch.setenv("FAKE_BUILD_ID", build_id)
    warehouse.publish(settings)
    monkeypatch.delenv("FAKE_BUILD_ID")
    return fingerprint(settings.published)


def test_publish_builds_a_new_file_and_renames_it_over_the_published_one(fake):
    settings, calls = fake
    built = warehouse.publish(settings)

    assert built.build_id == "new-build"
    assert (built.play_threshold_ms, built.total_plays) == (30000, 7)
    assert os.path.exists(settings.published)
    assert not os.path.exists(settings.build)
    assert not os.path.exists(settings.published + ".wal")
    [call] = calls()
    # Unit tests check logic, not data: the test command runs them, not a publish.
    assert call["args"] == ["build", "--exclude", "test_type:unit"]
    assert call["database"] == settings.build
    assert call["started_from"] is None
    assert call["env"] == {
        "LAKE_DIR": settings.lake_dir,
        "DBT_PROFILES_DIR": "/repo/dbt",
        "DBT_PROJECT_DIR": "/repo/dbt",
        "PLAY_THRESHOLD_MS": None,
    }
    assert warehouse.published_build(settings.published) == built


def lookup_indexes(path):
    con = duckdb.connect(path, read_only=True)
    try:
        return con.execute(
            "select table_name, index_name from duckdb_indexes() order by all"
        ).fetchall()
    finally:
        con.close()


def test_the_published_build_has_its_lookup_indexes_and_the_next_build_starts_without_them(
    fake, monkeypatch
):
    settings, calls = fake
    warehouse.publish(settings)
    assert lookup_indexes(settings.published) == [("tracks", "lookup_tracks_track_id")]

    # A selective build starts from a copy of the published file, without its indexes.
    warehouse.publish(settings, ["--select", "tracks"])

    assert calls()[-1]["started_from"] == "new-build"
    assert calls()[-1]["indexes_at_start"] == 0
    assert lookup_indexes(settings.published) == [("tracks", "lookup_tracks_track_id")]


def test_the_threshold_setting_reaches_dbt_and_is_read_back(fake, monkeypatch):
    settings, calls = fake
    monkeypatch.setenv("PLAY_THRESHOLD_MS", "120000")
    assert warehouse.publish(settings).play_threshold_ms == 120000
    assert calls()[0]["env"]["PLAY_THRESHOLD_MS"] == "120000"


def test_a_failed_build_leaves_the_published_file_untouched(fake, monkeypatch):
    settings, _ = fake
    before = publish_once(settings, monkeypatch)
    monkeypatch.setenv("FAKE_DBT", "fail")
    with pytest.raises(WarehouseError, match="left untouched .failed build kept at"):
        warehouse.publish(settings)
    assert fingerprint(settings.published) == before


def test_a_build_without_build_info_is_not_published(fake, monkeypatch):
    settings, _ = fake
    before = publish_once(settings, monkeypatch)
    monkeypatch.setenv("FAKE_DBT", "no-build-info")
    with pytest.raises(WarehouseError, match="not publishing .* has no gold.build_info"):
        warehouse.publish(settings)
    assert fingerprint(settings.published) == before


def test_a_leftover_wal_is_checkpointed_into_the_published_file(fake, monkeypatch):
    settings, _ = fake
    monkeypatch.setenv("FAKE_DBT", "leave-wal")
    warehouse.publish(settings)
    assert not os.path.exists(settings.published + ".wal")
    assert warehouse.published_build(settings.published).build_id == "new-build"


@pytest.mark.parametrize("selection", [["--select", "gold"], ["-s", "gold"], ["--exclude=x"]])
def test_a_selective_build_starts_from_a_copy_of_the_published_file(fake, monkeypatch, selection):
    settings, calls = fake
    before = publish_once(settings, monkeypatch)
    warehouse.publish(settings, selection)
    last = calls()[-1]
    assert last["args"] == ["build", *selection]
    assert last["started_from"] == "published-build"
    assert fingerprint(settings.published)[0] != before[0]  # a new file, renamed in


def test_a_full_build_never_starts_from_the_published_file(fake, monkeypatch):
    settings, calls = fake
    publish_once(settings, monkeypatch)
    warehouse.publish(settings, ["--vars", "{x: 1}"])
    assert calls()[-1]["started_from"] is None


def test_only_one_publish_runs_at_a_time(fake, monkeypatch):
    settings, calls = fake
    before = publish_once(settings, monkeypatch)
    with open(settings.lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(WarehouseError, match="another dbt build is running"):
            warehouse.publish(settings)
    assert len(calls()) == 1
    assert fingerprint(settings.published) == before


def test_check_tests_a_copy_and_leaves_the_published_file_as_it_was(fake, monkeypatch):
    settings, calls = fake
    before = publish_once(settings, monkeypatch)

    checked = warehouse.check(settings, ["--select", "test_type:data"])

    assert checked.build_id == "published-build"
    assert fingerprint(settings.published) == before
    last = calls()[-1]
    assert last["args"] == ["test", "--select", "test_type:data"]
    assert last["started_from"] == "published-build"
    assert last["database"] != settings.published
    assert os.path.dirname(os.path.dirname(last["database"])) == settings.warehouse_dir
    # The copy is gone, nothing was renamed, no build file appeared.
    assert sorted(os.listdir(settings.warehouse_dir)) == [".dbt-build.lock", "analytics.duckdb"]


def test_failing_checks_leave_the_published_file_as_it_was(fake, monkeypatch):
    settings, _ = fake
    before = publish_once(settings, monkeypatch)
    monkeypatch.setenv("FAKE_DBT", "fail")
    with pytest.raises(WarehouseError, match="dbt test failed on a copy .* was not changed"):
        warehouse.check(settings)
    assert fingerprint(settings.published) == before
    assert sorted(os.listdir(settings.warehouse_dir)) == [".dbt-build.lock", "analytics.duckdb"]


def test_check_runs_while_a_publish_holds_the_lock(fake, monkeypatch):
    settings, _ = fake
    publish_once(settings, monkeypatch)
    with open(settings.lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        warehouse.check(settings)


def test_check_needs_a_published_build(fake):
    settings, calls = fake
    with pytest.raises(WarehouseError, match="nothing has been published yet"):
        warehouse.check(settings)
    assert calls() == []


def test_freshness_reads_the_lake_without_a_database_file(fake):
    settings, calls = fake
    warehouse.freshness(settings, ["--select", "source:lake"])
    [call] = calls()
    assert call["args"] == ["source", "freshness", "--select", "source:lake"]
    assert call["database"] == ":memory:"


@pytest.mark.parametrize(
    ("data_dir", "lake_dir", "message"),
    [
        ("data", "/lake", "DATA_DIR must be an absolute path"),
        ("/data", "lake", "LAKE_DIR must be an absolute path or a URI"),
    ],
)
def test_relative_paths_are_refused(fake, data_dir, lake_dir, message):
    settings, calls = fake
    bad = Settings(data_dir=data_dir, lake_dir=lake_dir, dbt=settings.dbt)
    with pytest.raises(WarehouseError, match=message):
        warehouse.publish(bad)
    assert calls() == []


def test_publish_and_check_are_for_duckdb_only(fake):
    settings, _ = fake
    snowflake = Settings(**{**vars(settings), "target": "snowflake"})
    with pytest.raises(WarehouseError, match="run dbt directly for target 'snowflake'"):
        warehouse.publish(snowflake)
    with pytest.raises(WarehouseError, match="run dbt directly"):
        warehouse.check(snowflake)


@pytest.mark.parametrize(
    ("args", "selective"),
    [
        ([], False),
        (["--vars", "{a: 1}"], False),
        (["--select", "gold"], True),
        (["--select=gold"], True),
        (["-s", "x"], True),
        (["-m", "x"], True),
        (["--models=x"], True),
        (["--exclude", "x"], True),
        (["--selector", "nightly"], True),
        (["--full-refresh"], False),
    ],
)
def test_selections_are_recognised(args, selective):
    assert warehouse.is_selective(args) is selective


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATA_DIR", "/srv/data")
    monkeypatch.delenv("LAKE_DIR", raising=False)
    monkeypatch.delenv("DBT_TARGET", raising=False)
    settings = Settings.from_environment(dbt="/venv/bin/dbt")
    assert (settings.lake_dir, settings.published, settings.build) == (
        "/srv/data/lake",
        "/srv/data/warehouse/analytics.duckdb",
        "/srv/data/warehouse/analytics.build.duckdb",
    )
    assert settings.project_dir == str(Path(__file__).resolve().parents[2] / "dbt")
    monkeypatch.setenv("LAKE_DIR", "s3://bucket/lake")
    assert Settings.from_environment().lake_dir == "s3://bucket/lake"
    monkeypatch.delenv("DATA_DIR")
    with pytest.raises(WarehouseError, match="DATA_DIR is not set"):
        Settings.from_environment()


def test_command_line_publishes_and_reports(fake, monkeypatch, capsys):
    settings, _ = fake
    monkeypatch.setenv("DATA_DIR", settings.data_dir)
    monkeypatch.setenv("LAKE_DIR", settings.lake_dir)
    assert warehouse.main(["--dbt", settings.dbt, "publish"]) == 0
    out = capsys.readouterr().out
    assert "gold.build_info" in out
    assert "play threshold 30000 ms: 7 plays" in out
    assert warehouse.main(["info"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["build_id"] == "new-build"
    assert info["built_at"] == "2024-12-01T10:00:00Z"
    assert info["play_threshold_ms"] == 30000


def test_command_line_passes_dbt_arguments_and_reports_errors(fake, monkeypatch, capsys):
    settings, calls = fake
    monkeypatch.setenv("DATA_DIR", settings.data_dir)
    monkeypatch.setenv("LAKE_DIR", settings.lake_dir)
    monkeypatch.setenv("FAKE_DBT", "fail")
    assert warehouse.main(["--dbt", settings.dbt, "publish", "--select", "gold", "-q"]) == 1
    assert calls()[-1]["args"] == ["build", "--select", "gold", "-q"]
    assert capsys.readouterr().err.startswith("error: dbt build failed")


def test_published_build_of_an_old_file_says_to_rebuild(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema gold")
    con.execute("create table gold.build_info as select 'b' as build_id, now() as built_at")
    con.close()
    with pytest.raises(WarehouseError, match="records no play_threshold_ms.*rebuild"):
        warehouse.published_build(str(path))


def test_a_publish_with_a_selection_of_its_own_runs_exactly_that(fake):
    settings, calls = fake
    warehouse.publish(settings, ["--select", "gold"])
    [call] = calls()
    assert call["args"] == ["build", "--select", "gold"]
