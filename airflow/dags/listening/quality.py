"""Reconciliation of the Parquet lake, its dead letters and the published warehouse.

Invariants checked: every Kafka record the pipeline read lands exactly once, either in the lake's
``plays`` or in ``dead_letter`` (docs/data-contracts.md section 2); every distinct stream of a
track in the lake reaches silver; and the published ``gold.listening_totals.counted_streams``
(streams reaching the threshold before silver merges one play's streams) equals the streams counted
straight from the lake files with the play threshold that build recorded
(``gold.build_info.play_threshold_ms``). The threshold is the warehouse's decision; this check
only applies it again, independently of dbt, so it never defines a threshold of its own. The
last two hold once the warehouse has been rebuilt after the newest lake file.

Counts are taken with DuckDB, imported inside :func:`reconcile` so that importing this module
(and the DAG file) stays cheap. Assumptions: Kafka offsets of a partition are contiguous (the
producers are idempotent, not transactional); silver has one row per distinct ``event_id`` of
the listening event types (:data:`listening.contract.EventTypes.LISTENING`); the arrivals of one
event carry the same ``ms_played``. The lake must be a local folder.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime

from listening import lake, warehouse

log = logging.getLogger(__name__)

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
    """The lake, the dead letters and the warehouse do not add up."""


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
    play_threshold_ms: int | None = None
    lake_counted_plays: int | None = None
    gold_total_plays: int | None = None
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
            f"lake_not_in_silver={self.lake_not_in_silver} "
            f"play_threshold_ms={self.play_threshold_ms} "
            f"lake_counted_plays={self.lake_counted_plays} "
            f"gold_total_plays={self.gold_total_plays} built_at={self.built_at} "
            f"newest_lake_file_at={self.newest_lake_file_at}"
        )


def reconcile(lake_dir: str, warehouse_path: str, silver_table: str) -> Report:
    """Counts the lake, its dead letters, silver and gold, and lists every inconsistency found.

    Lake events missing from silver, and a gold total that differs from the lake's count, are
    problems only when no lake file is newer than the published build
    (``gold.build_info.built_at``): otherwise the next dbt build is pending.
    """
    if not _TABLE_NAME.match(silver_table):
        raise ValueError(f"silver table {silver_table!r} is not a [schema.]table name")
    import duckdb

    problems: list[str] = []
    build: warehouse.PublishedBuild | None = None
    if os.path.exists(warehouse_path):
        try:
            build = warehouse.published_build(warehouse_path)
        except warehouse.WarehouseError as e:
            problems.append(f"the published build cannot be checked: {e}")

    con = duckdb.connect()
    try:
        # Never let an unknown table name resolve to a Python variable of this function.
        con.execute("set python_enable_replacements = false")
        found = lake.create_views(con, lake_dir)
        event_types = lake.listening_event_types_sql()
        plays, distinct_events, distinct_listening_events = con.execute(
            "select count(*), count(distinct event_id), "
            f"count(distinct event_id) filter (where event_type in {event_types}) from plays"
        ).fetchone()
        dead_letters, without_reason = con.execute(
            "select count(*), count(*) filter (where coalesce(trim(reason), '') = '') "
            "from dead_letter"
        ).fetchone()
        rows = con.execute(
            """
            select kafka_topic, kafka_partition, count(*), count(distinct kafka_offset),
                   min(kafka_offset), max(kafka_offset)
            from (select kafka_topic, kafka_partition, kafka_offset from plays
                  union all
                  select kafka_topic, kafka_partition, kafka_offset from dead_letter)
            group by all
            order by all
            """
        ).fetchall()
        partitions = tuple(PartitionOffsets(*row) for row in rows)
        lake_counted_plays = (
            lake.count_plays(con, build.play_threshold_ms) if build is not None else None
        )

        silver_rows = silver_duplicates = silver_not_in_lake = lake_not_in_silver = None
        if os.path.exists(warehouse_path):
            con.execute(f"attach {lake.sql_string(warehouse_path)} as warehouse (read_only)")
            try:
                sql = _SILVER_COUNTS.format(silver_table=silver_table, event_types=event_types)
                (silver_rows, silver_duplicates, silver_not_in_lake, lake_not_in_silver) = (
                    con.execute(sql).fetchone()
                )
            except duckdb.CatalogException as e:
                problems.append(
                    f"silver table {silver_table} not found in {warehouse_path} "
                    f"(set SILVER_STREAMS_TABLE): {e}"
                )
    finally:
        con.close()

    built_at = build.built_at if build is not None else None
    newest_lake_file_at = lake.modified_at(lake_dir, found.plays + found.dead_letters)
    build_pending = built_at is None or (
        newest_lake_file_at is not None and newest_lake_file_at > built_at
    )

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
    if build is not None and lake_counted_plays != build.counted_streams:
        if build_pending:
            log.info(
                "gold counted_streams %d differs from the lake's %d streams; lake changed after "
                "the last build",
                build.counted_streams,
                lake_counted_plays,
            )
        else:
            problems.append(
                f"gold.listening_totals.counted_streams is {build.counted_streams}, "
                "but the lake holds "
                f"{lake_counted_plays} distinct streams of at least {build.play_threshold_ms} ms "
                f"(the threshold of build {build.build_id}, which is newer than every lake file)"
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
        play_threshold_ms=build.play_threshold_ms if build is not None else None,
        lake_counted_plays=lake_counted_plays,
        gold_total_plays=build.total_plays if build is not None else None,
        problems=tuple(problems),
    )


def check(lake_dir: str, warehouse_path: str, silver_table: str, on_report=None) -> Report:
    """Runs :func:`reconcile` and raises :class:`ReconciliationError` listing every problem.

    ``on_report(report)``, when given, sees the report first, passed or not (to record it)."""
    report = reconcile(lake_dir, warehouse_path, silver_table)
    log.info("reconciliation: %s", report.summary())
    if on_report is not None:
        on_report(report)
    if not report.ok:
        raise ReconciliationError("; ".join(report.problems))
    return report
