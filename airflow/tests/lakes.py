"""Builds small Parquet lakes and DuckDB warehouses shaped like docs/data-contracts.md."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from listening.contract import EventTypes, LakeLayout, Topics


@dataclass(frozen=True)
class Record:
    """One Kafka record: a valid play (``reason`` None) or a dead letter."""

    offset: int
    event_id: str | None = None
    reason: str | None = None
    event_type: str = EventTypes.PLAY
    topic: str = Topics.PLAYS
    partition: int = 0
    played_at: datetime = datetime(2024, 12, 1, 10, 15, tzinfo=UTC)
    ms_played: int = 180000


def plays(*offsets: int, partition: int = 0) -> list[Record]:
    return [Record(offset=o, event_id=f"e-{partition}-{o}", partition=partition) for o in offsets]


def _sql(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def write_lake(
    lake: Path, records: list[Record], batch: str = "w20241201T1000-20241201T1100"
) -> None:
    """Writes valid records to plays/year=/month=/day=/hour=/ and the rest to dead_letter/."""
    plays_dir, dead_letter_dir = LakeLayout.PLAYS_DIR, LakeLayout.DEAD_LETTER_DIR
    con = duckdb.connect()
    good = [r for r in records if r.reason is None]
    bad = [r for r in records if r.reason is not None]
    by_hour: dict[datetime, list[Record]] = {}
    for r in good:
        by_hour.setdefault(r.played_at.replace(minute=0, second=0, microsecond=0), []).append(r)
    for hour, rows in by_hour.items():
        folder = lake / plays_dir / f"year={hour:%Y}/month={hour:%m}/day={hour:%d}/hour={hour:%H}"
        folder.mkdir(parents=True, exist_ok=True)
        values = ", ".join(
            f"({_sql(r.event_id)}, {_sql(r.event_type)}, 'u1', 'track-1', {r.ms_played}, "
            f"timestamptz {_sql(r.played_at.isoformat())}, {_sql(r.topic)}, "
            f"{r.partition}::integer, {r.offset}::bigint)"
            for r in rows
        )
        con.execute(
            "copy (select * from (values " + values + ") as t(event_id, event_type, user_id, "
            "track_id, ms_played, played_at, kafka_topic, kafka_partition, kafka_offset)) "
            f"to {_sql(str(folder / f'{batch}-00000-of-00001.parquet'))} (format parquet)"
        )
    if bad:
        folder = lake / dead_letter_dir / f"batch={batch}"
        folder.mkdir(parents=True, exist_ok=True)
        values = ", ".join(
            f"({_sql(r.topic)}, {r.partition}::integer, {r.offset}::bigint, '{{}}', "
            f"{_sql(r.reason)}, {_sql(batch)})"
            for r in bad
        )
        con.execute(
            "copy (select * from (values " + values + ") as t(kafka_topic, kafka_partition, "
            "kafka_offset, payload, reason, batch)) "
            f"to {_sql(str(folder / 'part-00000-of-00001.parquet'))} (format parquet)"
        )
    con.close()


def write_warehouse(
    path: Path,
    event_ids: list[str],
    built_at: datetime | None,
    *,
    play_threshold_ms: int = 30000,
    total_plays: int | None = None,
) -> None:
    """Writes silver.silver_streams and, when ``built_at`` is given, gold.build_info and
    gold.listening_totals (``total_plays`` defaults to one play per event id)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute("create schema silver")
    con.execute("create table silver.silver_streams (event_id varchar, ms_played bigint)")
    for event_id in event_ids:
        con.execute("insert into silver.silver_streams values (?, 180000)", [event_id])
    if built_at is not None:
        con.execute("create schema gold")
        con.execute(
            "create table gold.build_info "
            "(build_id varchar, built_at timestamp, play_threshold_ms bigint)"
        )
        con.execute(
            "insert into gold.build_info values ('b1', ?, ?)",
            [built_at.astimezone(UTC).replace(tzinfo=None), play_threshold_ms],
        )
        con.execute(
            "create table gold.listening_totals (total_plays bigint, counted_streams bigint)"
        )
        plays = len(event_ids) if total_plays is None else total_plays
        con.execute("insert into gold.listening_totals values (?, ?)", [plays, plays])
    con.close()


def set_lake_mtime(lake: Path, when: datetime) -> None:
    for file in lake.rglob("*.parquet"):
        os.utime(file, (when.timestamp(), when.timestamp()))
