"""The listening-data contract, as Python reads it: the one home of these facts in Python.

Each class mirrors the Java class of the same name in ``events/src/main/java/io/listening/events/``
(the contract's home), constant for constant; ``airflow/tests/test_contract.py`` parses the Java
sources and ``dbt/dbt_project.yml`` and fails when any of them disagrees with this module. The
rules themselves are written down in ``docs/data-contracts.md``.

What counts as a play is deliberately not here: the warehouse decides it (dbt var
``play_threshold_ms``) and records the value in ``gold.build_info``; Python readers take it from
there (:func:`listening.warehouse.published_build`).

Prints one value for shell scripts, which must not type these facts again::

    python -m listening.contract kafka-bootstrap-servers
    python -m listening.contract lake-dir          # $LAKE_DIR, else $DATA_DIR/lake
    python -m listening.contract warehouse-path    # the published warehouse under $DATA_DIR
"""

from __future__ import annotations

import os
import sys


class Topics:
    """Kafka topics (Java ``Topics``)."""

    PLAYS = "spotify-plays"
    # Holds the ``skip`` records of earlier producers; nothing new is written there.
    SKIPS = "spotify-skips"
    LIKES = "spotify-likes"
    EVENTS = "spotify-events"
    NOW_PLAYING = "spotify-now-playing"
    # Every topic the batch pipeline reads, in the order of Java's BATCH_TOPICS.
    BATCH = (PLAYS, SKIPS, LIKES, EVENTS)


class EventTypes:
    """Values of ``event_type`` (Java ``EventTypes``)."""

    PLAY = "play"
    # Legacy: short streams as earlier producers wrote them; read exactly like PLAY.
    SKIP = "skip"
    LIKE = "like"
    PAUSE = "pause"
    RESUME = "resume"
    SEEK = "seek"
    ALL = frozenset({PLAY, SKIP, LIKE, PAUSE, RESUME, SEEK})
    # Streams of a track: the events the warehouse counts and times (dbt var listening_event_types).
    LISTENING = (PLAY, SKIP)


class LakeLayout:
    """Paths under the lake root (Java ``LakeLayout``). Globs have exact depths, never ``**``, so
    the staging area of unfinished batches and Beam's temporary files are never read."""

    PLAYS_DIR = "plays"
    DEAD_LETTER_DIR = "dead_letter"
    STAGING_DIR = "_staging"
    MANIFESTS_DIR = "_manifests"
    PLAYS_GLOB = PLAYS_DIR + "/year=*/month=*/day=*/hour=*/*.parquet"
    DEAD_LETTER_GLOB = DEAD_LETTER_DIR + "/batch=*/*.parquet"
    MANIFESTS_GLOB = MANIFESTS_DIR + "/*.json"
    # How the Hive partition values of PLAYS_DIR are typed (they are zero-padded in the paths).
    PLAYS_HIVE_TYPES = {"year": "INTEGER", "month": "INTEGER", "day": "INTEGER", "hour": "INTEGER"}


class LocalDefaults:
    """Addresses of the services of one machine when nothing is configured (Java
    ``LocalDefaults``); ``ops/kafka.sh`` listens there."""

    KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:19092"


class DataDir:
    """Where the platform keeps its files under ``$DATA_DIR`` (docs/data-contracts.md sections 2
    and 3; the web app's default ``listening.warehouse.path`` follows the same layout)."""

    LAKE = "lake"
    WAREHOUSE = "warehouse"
    # The published warehouse, which readers open read-only, and the build it is renamed from.
    PUBLISHED_WAREHOUSE = WAREHOUSE + "/analytics.duckdb"
    BUILD_WAREHOUSE = WAREHOUSE + "/analytics.build.duckdb"


def lake_dir(data_dir: str, configured: str | None = None) -> str:
    """The lake root: ``configured`` (``$LAKE_DIR``) when set, else ``<data_dir>/lake``."""
    return configured or os.path.join(data_dir, DataDir.LAKE)


def warehouse_path(data_dir: str) -> str:
    """The published warehouse under ``data_dir``."""
    return os.path.join(data_dir, DataDir.PUBLISHED_WAREHOUSE)


def _from_environment(name: str) -> str:
    if name == "kafka-bootstrap-servers":
        return LocalDefaults.KAFKA_BOOTSTRAP_SERVERS
    data_dir = os.environ.get("DATA_DIR")
    if not data_dir:
        raise ValueError("DATA_DIR is not set")
    if name == "warehouse-path":
        return warehouse_path(data_dir)
    return lake_dir(data_dir, os.environ.get("LAKE_DIR"))


_NAMES = ("kafka-bootstrap-servers", "lake-dir", "warehouse-path")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in _NAMES:
        print(f"usage: python -m listening.contract {{{'|'.join(_NAMES)}}}", file=sys.stderr)
        return 2
    try:
        print(_from_environment(args[0]))
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
