"""Reconciliation of the Parquet lake, its dead letters and the silver layer of the warehouse.

Invariant checked: every Kafka record the pipeline read lands exactly once, either in the lake's
``plays`` or in ``dead_letter`` (docs/data-contracts.md section 2), and every distinct play or skip
in the lake reaches silver once the warehouse has been rebuilt. Counts are taken with DuckDB,
imported inside :func:`reconcile` so that importing this module (and the DAG file) stays cheap.

Assumptions: Kafka offsets of a partition are contiguous (the producers are idempotent, not
transactional), and the silver table has one row per distinct ``event_id`` of the event types in
:data:`SILVER_EVENT_TYPES`. The lake must be a local folder.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

log = logging.getLogger(__name__)

# The event types dbt's silver_plays keeps (dbt/models/silver/silver_plays.sql).
SILVER_EVENT_TYPES = ("play", "skip")
PLAYS_GLOB = "plays/year=*/month=*/day=*/hour=*/*.parquet"
DEAD_LETTER_GLOB = "dead_letter/batch=*/*.parquet"


_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")


_SILVER_COUNTS = """
with silver as (select event_id from warehouse.{silver_table}),
     lake as (select distinct event_id from plays where event_type in {event_types})
select (select count(*) from silver),
       (select count(*) - count(distinct event_id) from silver),
       (select count(*) from silver anti join lake using (event_id)),
       (select count(*) from lake anti join silver using (event_id))
"""


class ReconciliationError(Exception):
    """The lake, the dead letters and silver do not add up."""


@dataclass(frozen=True)
class PartitionOffsets:
    """Kafka offsets of one topic partition found in the lake (plays and dead letters together)."""

    topic: str
    partition: int
    records: int
    distinct_offsets: int
    min_offset: int
    max_offset: int

    @property
    def duplicated(self) -> int:
        """Records whose offset was written more than once (e.g. overlapping windows)."""
        return self.records - self.distinct_offsets

    @property
    def missing(self) -> int:
        """Offsets between the first and last one seen that reached neither output."""
        return (self.max_offset - self.min_offset + 1) - self.distinct_offsets


@dataclass(frozen=True)
class Report:
    """What :func:`reconcile` counted, and the problems it found (empty when all adds up)."""

    plays: int
    distinct_events: int
    distinct_listening_events: int
    dead_letters: int
    dead_letters_without_reason: int
    partitions: tuple[PartitionOffsets, ...]
    silver_rows: int | None
    silver_duplicates: int | None
    silver_not_in_lake: int | None
    lake_not_in_silver: int | None
    built_at: datetime | None
    newest_lake_file_at: datetime | None
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"lake plays={self.plays} distinct_events={self.distinct_events} "
            f"distinct_listening_events={self.distinct_listening_events} "
            f"dead_letters={self.dead_letters} partitions={len(self.partitions)} "
            f"silver_rows={self.silver_rows} silver_duplicates={self.silver_duplicates} "
            f"silver_not_in_lake={self.silver_not_in_lake} "
            f"lake_not_in_silver={self.lake_not_in_silver} built_at={self.built_at} "
            f"newest_lake_file_at={self.newest_lake_file_at}"
        )


def _files(lake_dir: str, pattern: str) -> list[str]:
    return sorted(glob.glob(os.path.join(lake_dir, pattern)))


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(_sql_string(v) for v in values) + "]"


def _newest_mtime(paths: list[str]) -> datetime | None:
    if not paths:
        return None
    return datetime.fromtimestamp(max(os.stat(p).st_mtime for p in paths), tz=UTC)


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    # DuckDB returns TIMESTAMP as naive (UTC by the contract) and TIMESTAMPTZ as aware.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def reconcile(lake_dir: str, warehouse_path: str, silver_table: str) -> Report:
    """Counts the lake, its dead letters and silver, and lists every inconsistency found.

    Events in the lake but not yet in silver are a problem only when no lake file is newer than
    the published build (``gold.build_info.built_at``): otherwise the next dbt build is pending.
    """
    if not _TABLE_NAME.match(silver_table):
        raise ValueError(f"silver table {silver_table!r} is not a [schema.]table name")
    if "://" in lake_dir:
        raise ValueError(f"the reconciliation reads a local lake folder, not {lake_dir}")
    import duckdb

    play_files = _files(lake_dir, PLAYS_GLOB)
    dead_letter_files = _files(lake_dir, DEAD_LETTER_GLOB)
    problems: list[str] = []

    con = duckdb.connect()
    try:
        # Never let an unknown table name resolve to a Python variable of this function.
        con.execute("set python_enable_replacements = false")
        lake_views = []
        if play_files:
            con.execute(
                f"create view plays as select * from read_parquet({_sql_list(play_files)}, "
                "hive_partitioning = true, union_by_name = true, "
                "hive_types = {'year': INTEGER, 'month': INTEGER, 'day': INTEGER, 'hour': INTEGER})"
            )
            lake_views.append("select kafka_topic, kafka_partition, kafka_offset from plays")
        else:
            con.execute(
                "create view plays as "
                "select null::varchar as event_id, null::varchar as event_type where false"
            )
        if dead_letter_files:
            con.execute(
                "create view dead_letter as select * from "
                f"read_parquet({_sql_list(dead_letter_files)}, union_by_name = true)"
            )
            lake_views.append("select kafka_topic, kafka_partition, kafka_offset from dead_letter")
        else:
            con.execute("create view dead_letter as select null::varchar as reason where false")

        event_types = "(" + ", ".join(_sql_string(t) for t in SILVER_EVENT_TYPES) + ")"
        plays, distinct_events, distinct_listening_events = con.execute(
            "select count(*), count(distinct event_id), "
            f"count(distinct event_id) filter (where event_type in {event_types}) from plays"
        ).fetchone()
        dead_letters, without_reason = con.execute(
            "select count(*), count(*) filter (where coalesce(trim(reason), '') = '') "
            "from dead_letter"
        ).fetchone()

        partitions: tuple[PartitionOffsets, ...] = ()
        if lake_views:
            rows = con.execute(
                f"""
                select kafka_topic, kafka_partition, count(*), count(distinct kafka_offset),
                       min(kafka_offset), max(kafka_offset)
                from ({" union all ".join(lake_views)})
                group by all
                order by all
                """
            ).fetchall()
            partitions = tuple(PartitionOffsets(*row) for row in rows)

        silver_rows = silver_duplicates = silver_not_in_lake = lake_not_in_silver = None
        built_at = None
        if os.path.exists(warehouse_path):
            con.execute(f"attach {_sql_string(warehouse_path)} as warehouse (read_only)")
            try:
                sql = _SILVER_COUNTS.format(silver_table=silver_table, event_types=event_types)
                (silver_rows, silver_duplicates, silver_not_in_lake, lake_not_in_silver) = (
                    con.execute(sql).fetchone()
                )
            except duckdb.CatalogException as e:
                problems.append(
                    f"silver table {silver_table} not found in {warehouse_path} "
                    f"(set SILVER_PLAYS_TABLE): {e}"
                )
            try:
                row = con.execute("select max(built_at) from warehouse.gold.build_info").fetchone()
                built_at = _as_utc(row[0])
            except duckdb.CatalogException:
                log.warning("gold.build_info not found in %s", warehouse_path)
    finally:
        con.close()

    newest_lake_file_at = _newest_mtime(play_files + dead_letter_files)

    if without_reason:
        problems.append(f"{without_reason} dead letters have no reason")
    for p in partitions:
        if p.duplicated:
            problems.append(
                f"{p.topic}[{p.partition}]: {p.duplicated} records written more than once "
                "(plays and dead letters together)"
            )
        if p.missing:
            problems.append(
                f"{p.topic}[{p.partition}]: {p.missing} offsets between {p.min_offset} and "
                f"{p.max_offset} reached neither plays nor dead letters"
            )
    if silver_not_in_lake:
        problems.append(f"{silver_not_in_lake} silver events are not in the lake")
    if silver_duplicates:
        problems.append(f"{silver_duplicates} duplicate event_ids in silver")
    if lake_not_in_silver:
        build_pending = built_at is None or (
            newest_lake_file_at is not None and newest_lake_file_at > built_at
        )
        if build_pending:
            log.info(
                "%d lake events not yet in silver; lake changed after the last build",
                lake_not_in_silver,
            )
        else:
            problems.append(
                f"{lake_not_in_silver} lake events are missing from silver although the "
                f"build at {built_at.isoformat()} is newer than every lake file"
            )
    if silver_rows is None and distinct_listening_events and not problems:
        log.info("no published warehouse at %s yet", warehouse_path)

    return Report(
        plays=plays,
        distinct_events=distinct_events,
        distinct_listening_events=distinct_listening_events,
        dead_letters=dead_letters,
        dead_letters_without_reason=without_reason,
        partitions=partitions,
        silver_rows=silver_rows,
        silver_duplicates=silver_duplicates,
        silver_not_in_lake=silver_not_in_lake,
        lake_not_in_silver=lake_not_in_silver,
        built_at=built_at,
        newest_lake_file_at=newest_lake_file_at,
        problems=tuple(problems),
    )


def check(lake_dir: str, warehouse_path: str, silver_table: str) -> Report:
    """Runs :func:`reconcile` and raises :class:`ReconciliationError` listing every problem."""
    report = reconcile(lake_dir, warehouse_path, silver_table)
    log.info("reconciliation: %s", report.summary())
    if not report.ok:
        raise ReconciliationError("; ".join(report.problems))
    return report
