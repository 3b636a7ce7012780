"""Reads the Parquet lake the Beam job writes (docs/data-contracts.md section 2), independently of
dbt: the lake's files, its batch manifests, and the plays counted straight from the Parquet files.

Command line, for the ops scripts (the lake and warehouse come from ``$LAKE_DIR``/``$DATA_DIR``)::

    python -m listening.lake last-window-end   # latest window_end of the manifests, else 1970
    python -m listening.lake manifest-totals   # JSON: batches and summed counts of the manifests
    python -m listening.lake play-count        # JSON: distinct plays in the lake, counted with
                                               # the play threshold of the published build

DuckDB is imported inside the functions that need it, so importing this module stays cheap.
The lake is a local folder or a URI that fsspec reads (``s3://bucket/prefix`` with s3fs, which
the dbt virtualenv has; the AWS endpoint, region and credentials come from the AWS environment,
``AWS_ENDPOINT_URL_S3``, ``AWS_REGION``, ``AWS_ACCESS_KEY_ID``, ...). DuckDB reads a remote lake
through the same fsspec filesystem, registered on its connection.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from listening import contract

# Where a first ingest starts when the lake has no manifest yet: everything Kafka still holds.
BEGINNING_OF_TIME = "1970-01-01T00:00:00Z"


@dataclass(frozen=True)
class Manifest:
    """What one batch of the Beam job read and where it went (``_manifests/<batch>.json``)."""

    batch: str
    window_start: str
    window_end: str
    expected_records: int
    records_read: int
    valid_events: int
    dead_letters: int

    @classmethod
    def from_json(cls, document: dict) -> Manifest:
        missing = [f.name for f in fields(cls) if f.name not in document]
        if missing:
            raise ValueError(f"manifest {document.get('batch')!r} lacks {', '.join(missing)}")
        return cls(**{f.name: document[f.name] for f in fields(cls)})


def is_remote(lake_dir: str) -> bool:
    return "://" in lake_dir


def remote_filesystem(lake_dir: str):
    """The fsspec filesystem of a remote lake (``s3://`` needs the package s3fs)."""
    import fsspec

    try:
        return fsspec.core.url_to_fs(lake_dir)[0]
    except (ImportError, ValueError) as e:
        # Said as one sentence: a lake that cannot be read must never count as an empty one.
        raise ValueError(f"cannot read the lake {lake_dir}: {e}") from e


def files(lake_dir: str, pattern: str) -> list[str]:
    """The lake's files matching one of the :class:`~listening.contract.LakeLayout` globs; URIs
    with their scheme for a remote lake."""
    if not is_remote(lake_dir):
        return sorted(glob.glob(os.path.join(lake_dir, pattern)))
    fs = remote_filesystem(lake_dir)
    # A fresh listing: s3fs caches directory listings, and the lake changes under a long process.
    fs.invalidate_cache()
    return sorted(fs.unstrip_protocol(p) for p in fs.glob(lake_dir.rstrip("/") + "/" + pattern))


def modified_at(lake_dir: str, paths: list[str]) -> datetime | None:
    """When the newest of the lake files ``paths`` (from :func:`files`) was written, or None."""
    if not paths:
        return None
    if not is_remote(lake_dir):
        return datetime.fromtimestamp(max(os.stat(p).st_mtime for p in paths), tz=UTC)
    fs = remote_filesystem(lake_dir)
    return max(fs.modified(p) for p in paths).astimezone(UTC)


def read_manifests(lake_dir: str) -> list[Manifest]:
    return read_manifests_at(lake_dir, files(lake_dir, contract.LakeLayout.MANIFESTS_GLOB))


def read_manifests_at(lake_dir: str, paths: list[str]) -> list[Manifest]:
    """The manifests at ``paths`` (from :func:`files`)."""
    manifests = []
    opener = remote_filesystem(lake_dir).open if is_remote(lake_dir) else open
    for path in paths:
        with opener(path, "r", encoding="utf-8") as f:
            manifests.append(Manifest.from_json(json.load(f)))
    return manifests


def last_window_end(lake_dir: str) -> str | None:
    """The latest ``window_end`` of the lake's manifests (compared as instants), or None."""
    ends = [m.window_end for m in read_manifests(lake_dir)]
    return max(ends, key=instant, default=None)


def instant(value: str) -> datetime:
    """A window bound (ISO-8601 with a zone) as an aware UTC datetime."""
    instant = datetime.fromisoformat(value)
    if instant.tzinfo is None:
        raise ValueError(f"window bound {value!r} has no time zone")
    return instant.astimezone(UTC)


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def sql_list(values: list[str]) -> str:
    return "[" + ", ".join(sql_string(v) for v in values) + "]"


@dataclass(frozen=True)
class LakeFiles:
    plays: list[str]
    dead_letters: list[str]


def create_views(con, lake_dir: str) -> LakeFiles:
    """Creates the views ``plays`` and ``dead_letter`` over the lake's files on ``con`` (for a
    remote lake, registers its fsspec filesystem on ``con`` too).

    The file lists are taken once, so every query on the views sees the same files. A lake
    without files of a kind gets an empty view with the columns the checks read.
    """
    found = LakeFiles(
        plays=files(lake_dir, contract.LakeLayout.PLAYS_GLOB),
        dead_letters=files(lake_dir, contract.LakeLayout.DEAD_LETTER_GLOB),
    )
    if is_remote(lake_dir):
        con.register_filesystem(remote_filesystem(lake_dir))
    if found.plays:
        hive_types = ", ".join(
            f"{sql_string(name)}: {kind}"
            for name, kind in contract.LakeLayout.PLAYS_HIVE_TYPES.items()
        )
        con.execute(
            f"create view plays as select * from read_parquet({sql_list(found.plays)}, "
            f"hive_partitioning = true, union_by_name = true, hive_types = {{{hive_types}}})"
        )
    else:
        con.execute(
            "create view plays as select null::varchar as event_id, null::varchar as event_type, "
            "null::bigint as ms_played, null::varchar as kafka_topic, "
            "null::integer as kafka_partition, null::bigint as kafka_offset where false"
        )
    if found.dead_letters:
        con.execute(
            "create view dead_letter as select * from "
            f"read_parquet({sql_list(found.dead_letters)}, union_by_name = true)"
        )
    else:
        con.execute(
            "create view dead_letter as select null::varchar as kafka_topic, "
            "null::integer as kafka_partition, null::bigint as kafka_offset, "
            "null::varchar as reason where false"
        )
    return found


def listening_event_types_sql() -> str:
    """``('play', 'skip')``: the listening event types as an SQL list."""
    return "(" + ", ".join(sql_string(t) for t in contract.EventTypes.LISTENING) + ")"


def count_plays(con, play_threshold_ms: int) -> int:
    """Distinct ``event_id`` of listening events with ``ms_played >= play_threshold_ms``, on a
    connection with the :func:`create_views` views.

    Equals silver's count of counted plays as long as every arrival of an event carries the
    same ``ms_played`` (replays of the same record do).
    """
    if isinstance(play_threshold_ms, bool) or not isinstance(play_threshold_ms, int):
        raise TypeError(f"play_threshold_ms must be an int, got {play_threshold_ms!r}")
    return con.execute(
        "select count(distinct event_id) from plays "
        f"where event_type in {listening_event_types_sql()} and ms_played >= ?",
        [play_threshold_ms],
    ).fetchone()[0]


def lake_play_count(lake_dir: str, play_threshold_ms: int) -> int:
    """:func:`count_plays` over the lake at ``lake_dir``."""
    import duckdb

    con = duckdb.connect()
    try:
        create_views(con, lake_dir)
        return count_plays(con, play_threshold_ms)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    from listening import warehouse

    parser = argparse.ArgumentParser(
        prog="python -m listening.lake",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["last-window-end", "manifest-totals", "play-count"])
    args = parser.parse_args(argv)
    try:
        settings = warehouse.Settings.from_environment()
        if args.command == "last-window-end":
            print(last_window_end(settings.lake_dir) or BEGINNING_OF_TIME)
        elif args.command == "manifest-totals":
            manifests = read_manifests(settings.lake_dir)
            totals = {"batches": len(manifests)}
            for name in ("expected_records", "records_read", "valid_events", "dead_letters"):
                totals[name] = sum(getattr(m, name) for m in manifests)
            print(json.dumps(totals))
        else:
            build = warehouse.published_build(settings.published)
            plays = lake_play_count(settings.lake_dir, build.play_threshold_ms)
            record = {"plays": plays, "play_threshold_ms": build.play_threshold_ms}
            print(json.dumps({**record, "build_id": build.build_id}))
    except (ValueError, OSError, warehouse.WarehouseError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
