"""Builds, checks and publishes the DuckDB warehouse with dbt (docs/data-contracts.md section 3).

Publishing: ``dbt build`` writes a new file, ``warehouse/analytics.build.duckdb``; only when
every model and test passed is it checkpointed and renamed over ``warehouse/analytics.duckdb``
(atomic on one filesystem). Readers hold the published file open read-only and never see half a
build; a failed build leaves the published file untouched. Checking runs dbt's tests against a
private copy of the published file and never renames anything.

Command line (``ops/dbt-build.sh`` runs it in the dbt virtualenv)::

    python -m listening.warehouse [OPTIONS] publish [DBT_ARGS...]    dbt build, then publish
    python -m listening.warehouse [OPTIONS] check [DBT_ARGS...]      dbt test on a copy
    python -m listening.warehouse [OPTIONS] freshness [DBT_ARGS...]  dbt source freshness
    python -m listening.warehouse [OPTIONS] info                     JSON: the published build
    python -m listening.warehouse [OPTIONS] most-related-track       a track with recommendations

``DATA_DIR`` (required, absolute) and ``LAKE_DIR`` (default ``$DATA_DIR/lake``) come from the
environment, as does everything dbt reads itself (``PLAY_THRESHOLD_MS``, ``DBT_TARGET``, ...).
A publish runs ``dbt build`` without the unit tests (they check the models' logic, not the data:
``check --select test_type:unit`` runs them). It is incremental: it starts from a copy of the
published file, and the incremental models read only the lake partitions that arrived since
(dbt/README.md, "Incremental builds"). It
is a full build into an empty file instead when nothing is published yet, with ``--full-refresh``,
when the project or its settings changed since the published build (their fingerprint, stored in
the file, differs), or when a lake batch was published after the last build for a window before
the warehouse's latest arrival hour (a rerun of an old window), which incremental models would
miss. With a selection among the dbt arguments (``-s/--select/--exclude/--selector``) a publish
always starts from a copy, so the models left out keep their published contents. One publish runs
at a time (``warehouse/.dbt-build.lock``); a second one fails at once.

Importing this module is cheap (DuckDB is imported where it is used), so DAG files may import it.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from listening import contract

log = logging.getLogger(__name__)

# airflow/dags/listening/warehouse.py -> the repository's dbt project.
DEFAULT_PROJECT_DIR = str(Path(__file__).resolve().parents[3] / "dbt")

BUILD_INFO_TABLE = "gold.build_info"
TOTALS_TABLE = "gold.listening_totals"

_SELECTION_FLAGS = ("-s", "--select", "-m", "--models", "--exclude", "--selector")
FULL_REFRESH_FLAGS = ("--full-refresh", "-f")

# Where a build records the fingerprint of the project and settings it was built with.
BUILD_STATE_TABLE = "main.build_state"
# What the incremental models' watermark is: the latest lake arrival hour silver has read.
ARRIVAL_WATERMARK_SQL = "select max(arrival_hour) from silver.silver_streams"
# The project files whose content decides what a build computes (data tests do not).
# The gold tables the web app looks one seed's rows up in on every recommendation cache miss, and
# by which columns. Without an index each lookup scans the table: DuckDB's string zone maps keep an
# 8-byte prefix, and ids such as derived-... share it (a miss took p50 21 ms at 1M events, 9 ms
# with these, webapp/README.md "Benchmark"). They are created on the finished build, not by dbt:
# dbt renames tables aside while other threads run, and a second build over indexed tables failed
# with a missing __dbt_backup table, so a build starts from a copy without them.
LOOKUP_INDEXES = {
    "tracks": ("track_id",),
    "track_transitions": ("track_id",),
    "track_co_occurrence": ("track_id",),
    "artist_top_tracks": ("track_id", "artist_key"),
}
_LOOKUP_INDEX_PREFIX = "lookup_"

_FINGERPRINTED = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds")
# The environment variables the project reads that change what it computes.
_FINGERPRINTED_ENV = ("PLAY_THRESHOLD_MS", "DBT_TARGET")


class WarehouseError(Exception):
    """A build, check or read of the warehouse failed; the message says what and what was kept."""


@dataclass(frozen=True)
class Settings:
    """Where the warehouse, the lake and dbt are."""

    data_dir: str
    lake_dir: str
    project_dir: str = DEFAULT_PROJECT_DIR
    dbt: str = "dbt"
    target: str = "duckdb"

    @classmethod
    def from_environment(cls, *, dbt: str | None = None, project_dir: str | None = None):
        data_dir = os.environ.get("DATA_DIR")
        if not data_dir:
            raise WarehouseError("DATA_DIR is not set")
        return cls(
            data_dir=data_dir,
            lake_dir=contract.lake_dir(data_dir, os.environ.get("LAKE_DIR")),
            project_dir=project_dir or DEFAULT_PROJECT_DIR,
            dbt=dbt or str(Path(sys.executable).with_name("dbt")),
            target=os.environ.get("DBT_TARGET") or "duckdb",
        )

    @property
    def published(self) -> str:
        return os.path.join(self.data_dir, contract.DataDir.PUBLISHED_WAREHOUSE)

    @property
    def build(self) -> str:
        return os.path.join(self.data_dir, contract.DataDir.BUILD_WAREHOUSE)

    @property
    def warehouse_dir(self) -> str:
        return os.path.join(self.data_dir, contract.DataDir.WAREHOUSE)

    @property
    def lock(self) -> str:
        return os.path.join(self.warehouse_dir, ".dbt-build.lock")

    def validate(self) -> None:
        # dbt-duckdb resolves relative paths against the working directory, not the project.
        if not os.path.isabs(self.data_dir):
            raise WarehouseError(f"DATA_DIR must be an absolute path, got '{self.data_dir}'")
        if not (os.path.isabs(self.lake_dir) or "://" in self.lake_dir):
            raise WarehouseError(
                f"LAKE_DIR must be an absolute path or a URI, got '{self.lake_dir}'"
            )

    def require_duckdb(self, mode: str) -> None:
        if self.target != "duckdb":
            raise WarehouseError(
                f"{mode} works on the DuckDB warehouse; run dbt directly for target '{self.target}'"
            )


@dataclass(frozen=True)
class PublishedBuild:
    """What ``gold.build_info`` and ``gold.listening_totals`` say about one warehouse file."""

    build_id: str
    built_at: datetime
    play_threshold_ms: int
    total_plays: int
    counted_streams: int
    gold_row_counts: dict[str, int]

    def to_json(self) -> dict:
        return {
            "build_id": self.build_id,
            "built_at": self.built_at.isoformat().replace("+00:00", "Z"),
            "play_threshold_ms": self.play_threshold_ms,
            "total_plays": self.total_plays,
            "counted_streams": self.counted_streams,
            "gold_row_counts": self.gold_row_counts,
        }

    def report(self) -> str:
        lines = [
            f"    gold.{table:<24} {count:>10} rows"
            for table, count in sorted(self.gold_row_counts.items())
        ]
        lines.append(
            f"    build {self.build_id} at {self.built_at:%Y-%m-%d %H:%M:%S} UTC, "
            f"play threshold {self.play_threshold_ms} ms: {self.total_plays} plays"
        )
        return "\n".join(lines)


def as_utc(value: datetime) -> datetime:
    """DuckDB returns a TIMESTAMP (UTC by the contract) naive and a TIMESTAMPTZ aware."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def published_build(path: str) -> PublishedBuild:
    """Reads the build record of the warehouse file at ``path`` (read-only)."""
    import duckdb

    if not os.path.exists(path):
        raise WarehouseError(f"no warehouse at {path}: nothing has been published yet")
    con = duckdb.connect(path, read_only=True)
    try:
        try:
            rows = con.execute(
                f"select build_id, built_at, play_threshold_ms from {BUILD_INFO_TABLE}"
            ).fetchall()
        except duckdb.BinderException as e:
            raise WarehouseError(
                f"{BUILD_INFO_TABLE} of {path} records no play_threshold_ms: the file was "
                "built before builds recorded their play threshold; rebuild it"
            ) from e
        except duckdb.CatalogException as e:
            raise WarehouseError(f"{path} has no {BUILD_INFO_TABLE}: {e}") from e
        if len(rows) != 1:
            raise WarehouseError(f"{BUILD_INFO_TABLE} of {path} has {len(rows)} rows, not 1")
        build_id, built_at, play_threshold_ms = rows[0]
        [(total_plays, counted_streams)] = con.execute(
            f"select total_plays, counted_streams from {TOTALS_TABLE}"
        ).fetchall()
        tables = con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'gold' order by table_name"
        ).fetchall()
        counts = {
            table: con.execute(f'select count(*) from gold."{table}"').fetchone()[0]
            for (table,) in tables
        }
    finally:
        con.close()
    return PublishedBuild(
        build_id=build_id,
        built_at=as_utc(built_at),
        play_threshold_ms=play_threshold_ms,
        total_plays=total_plays,
        counted_streams=counted_streams,
        gold_row_counts=counts,
    )


def most_related_track(path: str) -> str | None:
    """The track with the most co-occurrences (ties: lowest id), i.e. one with recommendations."""
    import duckdb

    con = duckdb.connect(path, read_only=True)
    try:
        row = con.execute(
            "select track_id from gold.track_co_occurrence "
            "order by co_occurrences desc, track_id limit 1"
        ).fetchone()
    finally:
        con.close()
    return row[0] if row else None


def build_fingerprint(settings: Settings, dbt_args: Sequence[str]) -> str:
    """A hash of everything that decides what a build computes: the project's models, macros,
    seeds and configuration, the settings it reads from the environment, the lake it reads and
    the ``--vars`` given. An incremental build is only right on a file built with the same."""
    digest = hashlib.sha256()
    root = Path(settings.project_dir)
    for name in _FINGERPRINTED:
        path = root / name
        paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in paths:
            if file.exists():
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    for name in _FINGERPRINTED_ENV:
        digest.update(f"{name}={os.environ.get(name, '')}\0".encode())
    digest.update(f"LAKE_DIR={settings.lake_dir}\0".encode())
    for i, arg in enumerate(dbt_args):
        if arg == "--vars" and i + 1 < len(dbt_args):
            digest.update(f"vars={dbt_args[i + 1]}\0".encode())
        elif arg.startswith("--vars="):
            digest.update(f"vars={arg.split('=', 1)[1]}\0".encode())
    return digest.hexdigest()


def _published_state(path: str) -> tuple[str | None, datetime | None]:
    """The fingerprint a warehouse file was built with and its latest arrival hour (None, None
    when the file predates fingerprints)."""
    import duckdb

    con = duckdb.connect(path, read_only=True)
    try:
        try:
            [(fingerprint,)] = con.execute(
                f"select fingerprint from {BUILD_STATE_TABLE}"
            ).fetchall()
            [(watermark,)] = con.execute(ARRIVAL_WATERMARK_SQL).fetchall()
        except (duckdb.CatalogException, duckdb.BinderException, ValueError):
            return None, None
    finally:
        con.close()
    return fingerprint, as_utc(watermark) if watermark is not None else None


def _record_state(path: str, fingerprint: str) -> None:
    import duckdb

    con = duckdb.connect(path)
    try:
        con.execute(f"create or replace table {BUILD_STATE_TABLE} (fingerprint varchar)")
        con.execute(f"insert into {BUILD_STATE_TABLE} values (?)", [fingerprint])
    finally:
        con.close()


def _late_batches(settings: Settings, built_at: datetime, watermark: datetime) -> list[str]:
    """Lake batches published after ``built_at`` whose window starts before ``watermark``: their
    files are in partitions an incremental build no longer reads."""
    from listening import lake

    late = []
    for path in lake.files(settings.lake_dir, contract.LakeLayout.MANIFESTS_GLOB):
        written = lake.modified_at(settings.lake_dir, [path])
        if written is None or written <= built_at:
            continue
        for manifest in lake.read_manifests_at(settings.lake_dir, [path]):
            if lake.instant(manifest.window_start) < watermark:
                late.append(manifest.batch)
    return late


def build_plan(settings: Settings, dbt_args: Sequence[str], fingerprint: str) -> tuple[bool, str]:
    """Whether a publish starts from a copy of the published file, and why (one sentence)."""
    published = settings.published
    if is_selective(dbt_args):
        if os.path.exists(published):
            return True, "selective build: starting from a copy of the published warehouse"
        return False, "selective build of a new warehouse: nothing is published yet"
    if any(arg in FULL_REFRESH_FLAGS for arg in dbt_args):
        return False, "full refresh: building every model from the whole lake into a new file"
    if not os.path.exists(published):
        return False, "full build: nothing is published yet"
    previous, watermark = _published_state(published)
    if previous != fingerprint:
        return False, (
            "full build: the dbt project or its settings changed since the published build"
        )
    if watermark is not None:
        late = _late_batches(settings, published_build(published).built_at, watermark)
        if late:
            return False, (
                f"full build: {len(late)} lake batches ({', '.join(sorted(late)[:3])}"
                f"{', ...' if len(late) > 3 else ''}) were published after the last build for "
                f"windows before its latest arrival hour {watermark:%Y-%m-%d %H:00} UTC"
            )
    return True, "incremental build: starting from a copy of the published warehouse"


def publish_args(dbt_args: Sequence[str]) -> list[str]:
    """The arguments of a publish's ``dbt build``: the given ones, and unless they select
    something themselves, no unit tests. Unit tests check the models' logic on fixed inputs, not
    the data, so the test command runs them (``check --select test_type:unit``) rather than every
    hourly publish."""
    if is_selective(dbt_args):
        return list(dbt_args)
    return [*dbt_args, "--exclude", "test_type:unit"]


def is_selective(dbt_args: Sequence[str]) -> bool:
    """Whether the dbt arguments select only part of the project."""
    return any(arg.split("=", 1)[0] in _SELECTION_FLAGS for arg in dbt_args)


def run_dbt(settings: Settings, command: Sequence[str], database: str) -> int:
    """Runs ``dbt <command>`` on the DuckDB file ``database``; returns dbt's exit code."""
    env = dict(os.environ)
    env.update(
        LAKE_DIR=settings.lake_dir,
        DBT_DUCKDB_PATH=database,
        DBT_PROFILES_DIR=settings.project_dir,
        DBT_PROJECT_DIR=settings.project_dir,
        DBT_TARGET=settings.target,
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        DBT_VERSION_CHECK="false",
    )
    argv = [settings.dbt, "--no-version-check", "--no-send-anonymous-usage-stats"]
    if not sys.stdout.isatty():
        argv.append("--no-use-colors")
    argv += list(command)
    log.info(
        "running %s (DBT_DUCKDB_PATH=%s, LAKE_DIR=%s)", " ".join(argv), database, settings.lake_dir
    )
    try:
        return subprocess.run(argv, env=env, check=False).returncode
    except FileNotFoundError as e:
        raise WarehouseError(f"dbt not found at {settings.dbt}") from e


@contextlib.contextmanager
def _exclusive(lock_path: str) -> Iterator[None]:
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            raise WarehouseError(f"another dbt build is running (lock {lock_path})") from e
        yield


def _remove(*paths: str) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


def _copy(source: str, target: str) -> None:
    """Copies the file ``source`` is at the moment it is opened, even if it is renamed over."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


def _checkpoint(path: str) -> None:
    """Replays a leftover WAL, if any, into the file, so the file is complete on its own."""
    import duckdb

    con = duckdb.connect(path)
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    if os.path.exists(path + ".wal"):
        raise WarehouseError(f"{path}.wal is still there after the checkpoint; not publishing")


def _drop_lookup_indexes(path: str) -> None:
    """Drops the lookup indexes from a build's starting copy (see LOOKUP_INDEXES)."""
    import duckdb

    con = duckdb.connect(path)
    try:
        names = con.execute(
            "select index_name from duckdb_indexes() where schema_name = 'gold'"
            " and starts_with(index_name, ?)",
            [_LOOKUP_INDEX_PREFIX],
        ).fetchall()
        for (name,) in names:
            con.execute(f'drop index gold."{name}"')
    finally:
        con.close()


def _create_lookup_indexes(path: str) -> None:
    """Indexes the finished build's lookup columns (LOOKUP_INDEXES), for the tables it has."""
    import duckdb

    con = duckdb.connect(path)
    try:
        tables = {
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'gold'"
            ).fetchall()
        }
        for table, columns in LOOKUP_INDEXES.items():
            if table not in tables:
                continue
            for column in columns:
                con.execute(
                    f"create index if not exists {_LOOKUP_INDEX_PREFIX}{table}_{column}"
                    f" on gold.{table} ({column})"
                )
    finally:
        con.close()


def _fsync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(settings: Settings, dbt_args: Sequence[str] = ()) -> PublishedBuild:
    """``dbt build`` into a new file and, only if it passed, renames it over the published one."""
    settings.validate()
    settings.require_duckdb("publish")
    os.makedirs(settings.warehouse_dir, exist_ok=True)
    published, build = settings.published, settings.build
    fingerprint = build_fingerprint(settings, dbt_args)
    with _exclusive(settings.lock):
        _remove(build, build + ".wal")
        from_copy, reason = build_plan(settings, dbt_args, fingerprint)
        log.info("%s (%s)", reason, build)
        if from_copy:
            _copy(published, build)
            _drop_lookup_indexes(build)
        if run_dbt(settings, ["build", *publish_args(dbt_args)], database=build) != 0:
            kept = f" (failed build kept at {build})" if os.path.exists(build) else ""
            raise WarehouseError(f"dbt build failed; {published} was left untouched{kept}")
        _create_lookup_indexes(build)
        _record_state(build, fingerprint)
        _checkpoint(build)
        try:
            built = published_build(build)
        except WarehouseError as e:
            raise WarehouseError(f"not publishing {build}: {e}") from e
        os.replace(build, published)
        _fsync_dir(settings.warehouse_dir)
    log.info("published build %s: renamed %s -> %s", built.build_id, build, published)
    return built


def check(settings: Settings, dbt_args: Sequence[str] = ()) -> PublishedBuild:
    """``dbt test`` against a private copy of the published file; publishes nothing.

    The copy lives in a temporary folder beside the published file and is deleted afterwards, so
    the published file is only ever read.
    """
    settings.validate()
    settings.require_duckdb("check")
    published = settings.published
    build = published_build(published)
    with tempfile.TemporaryDirectory(prefix=".check-", dir=settings.warehouse_dir) as tmp:
        copy = os.path.join(tmp, os.path.basename(published))
        _copy(published, copy)
        log.info("checking build %s on a copy of %s", build.build_id, published)
        if run_dbt(settings, ["test", *dbt_args], database=copy) != 0:
            raise WarehouseError(
                f"dbt test failed on a copy of {published} (build {build.build_id}); "
                "the published file was not changed"
            )
    return build


def freshness(settings: Settings, dbt_args: Sequence[str] = ()) -> None:
    """``dbt source freshness`` of the lake; the sources are read in place, no file is needed."""
    settings.validate()
    if run_dbt(settings, ["source", "freshness", *dbt_args], database=":memory:") != 0:
        raise WarehouseError("dbt source freshness failed")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m listening.warehouse",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dbt", help="the dbt executable (default: dbt beside this Python)")
    parser.add_argument("--project-dir", help=f"the dbt project (default {DEFAULT_PROJECT_DIR})")
    parser.add_argument(
        "mode", choices=["publish", "check", "freshness", "info", "most-related-track"]
    )
    parser.add_argument("dbt_args", nargs=argparse.REMAINDER, help="passed on to dbt")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="    %(message)s", stream=sys.stderr)
    try:
        settings = Settings.from_environment(dbt=args.dbt, project_dir=args.project_dir)
        if args.mode in ("info", "most-related-track") and args.dbt_args:
            parser.error(f"{args.mode} takes no dbt arguments")
        if args.mode == "publish":
            print(publish(settings, args.dbt_args).report())
        elif args.mode == "check":
            check(settings, args.dbt_args)
        elif args.mode == "freshness":
            freshness(settings, args.dbt_args)
        elif args.mode == "info":
            print(json.dumps(published_build(settings.published).to_json()))
        else:
            track = most_related_track(settings.published)
            if track is None:
                raise WarehouseError("gold.track_co_occurrence is empty")
            print(track)
    except WarehouseError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
