"""Writes a synthetic Parquet lake for the warehouse benchmark (ops/bench/dbt.sh), in the layout and
schema of docs/data-contracts.md section 2, with DuckDB SQL only (no Kafka, no Beam: those are
benchmarked by ops/bench/ingest.sh).

    python synthetic_lake.py LAKE_DIR NEXT_HOUR_DIR --events N [--users U] [--tracks T]

LAKE_DIR gets about N rows of history, up to END (2025-01-01 00:00 UTC); NEXT_HOUR_DIR gets the
arrivals of the hour after END (--hour-events rows), in the same layout, for the incremental build
to copy into the lake.

Shape, every draw a hash of the row number (deterministic, the same lake on every machine):
- --users users, a few very active and many less (user index skewed by a power law); user u's
  export is a basic one (name-only, derived track ids, played_at rounded to the minute) unless
  u % 3 = 0 (extended: Spotify ids, to the second, platform, reasons, shuffle, skip flag).
- --tracks tracks of Zipf-like popularity (log-uniform rank, P(rank r) ~ 1/r), eight per artist;
  2-6 minutes long. Podcast-like shows (name-only, 20-70 minute episodes mostly stopped early)
  appear in the basic exports only, as StreamingHistoryN.json lists them.
- Each user's streams follow one another in sessions of about 12 (a gap of a few seconds), the
  gaps between sessions stretched so that the user's history spans HISTORY_YEARS; ~20% are skips
  (under 30 s).
- History (all but the last LIVE_DAYS) arrives as spotify_export in one import hour per user (one
  of three, in the last days); the last LIVE_DAYS arrive hour by hour from spotify_poll. The
  export of a user covers up to five days before the import, so the poll streams of the first
  week of LIVE_DAYS also arrive as export twins (minute-rounded, derived id for basic exports):
  about 2% of the rows.
- About 1% exact duplicates (same event_id, all fields): poll records again in the next hour,
  export records again in a re-import 12 hours later. About 0.2% same-source overlapping pairs: an
  export stream logged twice with a slightly shorter ms_played.
- Kafka: topic spotify-plays, PARTITIONS partitions keyed by user, offsets in arrival order per
  partition; one file per arrival hour and partition, sorted by (user_id, played_at), named
  <batch>-spotify-plays-<partition>.parquet, and one _manifests/<batch>.json per hour.

SYNTHETIC_LAKE_MEMORY_LIMIT (default 6GB) bounds DuckDB's memory; beyond it, it spills to disk.
"""

import argparse
import json
import os
import pathlib
import sys
import time

import duckdb

END = "2025-01-01 00:00:00"
HISTORY_YEARS = 3
LIVE_DAYS = 14
# Share of each user's streams in the live days (the poller's): with the export cut-off this
# makes the cross-source twins about 2% of the rows.
LIVE_SHARE = 0.04
DUPLICATE_SHARE = 0.01
OVERLAP_SHARE = 0.002
PODCAST_SHARE = 0.01
SKIP_SHARE = 0.2
SESSION_LENGTH = 12
PARTITIONS = 4
SHOWS = 25
EPISODES_PER_SHOW = 40
TOPIC = "spotify-plays"


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def define_macros(con: duckdb.DuckDBPyConnection) -> None:
    # A uniform draw in [0, 1) from a row number and a salt.
    con.execute("create macro rnd(i, salt) as (hash(i, salt) % 1000003) / 1000003.0")


def create_catalog(con: duckdb.DuckDBPyConnection, tracks: int) -> None:
    artists = max(1, tracks // 8)
    con.execute(
        f"""
        create table music as
        select
            n as track_no,
            substr(md5('track' || n), 1, 22) as spotify_id,
            'Track ' || n as track_name,
            'Artist ' || (n % {artists}) as artist_name,
            'Album ' || (n % {artists}) || '-' || (n // {artists * 12}) as album_name,
            cast(120000 + floor(rnd(n, 'length') * 240000) as bigint) as duration_ms
        from range({tracks}) as t(n)
        """
    )
    con.execute(
        f"""
        create table episodes as
        select
            n as episode_no,
            'Episode ' || (n // {SHOWS}) || ' of Show ' || (n % {SHOWS}) as track_name,
            'Show ' || (n % {SHOWS}) as artist_name,
            cast(1200000 + floor(rnd(n, 'length') * 3000000) as bigint) as duration_ms
        from range({SHOWS * EPISODES_PER_SHOW}) as t(n)
        """
    )
    # The id a name-only record gets (Java TrackIds.derive): 'derived-' and the first 16 bytes
    # of SHA-256 of "artist\ntrack", lower-cased and trimmed.
    for table in ("music", "episodes"):
        con.execute(
            f"""
            create or replace table {table} as
            select
                *,
                'derived-' || substr(sha256(lower(trim(artist_name)) || chr(10) || lower(trim(track_name))), 1, 32)
                    as derived_id
            from {table}
            """
        )


def create_streams(con: duckdb.DuckDBPyConnection, base: int, users: int, tracks: int, hour_events: int) -> None:
    history_ms = HISTORY_YEARS * 365 * 86400 * 1000
    live_ms = LIVE_DAYS * 86400 * 1000 - 3600 * 1000
    con.execute(
        f"""
        create table drawn as
        with raw as (
            select
                i,
                cast(floor({users} * pow(rnd(i, 'user'), 1.4)) as integer) as u,
                rnd(i, 'order') as draw_order,
                rnd(i, 'podcast') < {PODCAST_SHARE} as podcast_draw,
                cast(floor(exp(rnd(i, 'track') * ln({tracks} + 1))) - 1 as integer) as track_no,
                cast(floor(rnd(i, 'episode') * {SHOWS * EPISODES_PER_SHOW}) as integer) as episode_no,
                rnd(i, 'played') as played_draw,
                cast(floor(rnd(i, 'pause') * 5000) as bigint) as pause_ms,
                rnd(i, 'session') < {1 / SESSION_LENGTH} as is_session_start,
                -ln(1 - rnd(i, 'gap')) as gap_units
            from range({base}) as t(i)
        ),
        ordered as (
            select
                *,
                u % 3 <> 0 as is_basic_user,
                row_number() over (partition by u order by draw_order, i) as k,
                count(*) over (partition by u) as user_streams
            from raw
        ),
        placed as (
            select
                ordered.*,
                k > ceil(user_streams * {1 - LIVE_SHARE}) as is_live,
                podcast_draw and is_basic_user and k <= ceil(user_streams * {1 - LIVE_SHARE}) as is_podcast
            from ordered
        )
        select
            placed.i,
            placed.u,
            placed.k,
            placed.is_basic_user,
            placed.is_live,
            placed.is_podcast,
            case when placed.is_podcast then episodes.track_name else music.track_name end as track_name,
            case when placed.is_podcast then episodes.artist_name else music.artist_name end as artist_name,
            case when placed.is_podcast then null else music.album_name end as album_name,
            case when placed.is_podcast then null else music.spotify_id end as spotify_id,
            case when placed.is_podcast then episodes.derived_id else music.derived_id end as derived_id,
            case when placed.is_podcast then episodes.duration_ms else music.duration_ms end as duration_ms,
            cast(case
                when placed.is_podcast then floor(placed.played_draw * episodes.duration_ms)
                when placed.played_draw < {SKIP_SHARE} then 1000 + floor(placed.played_draw / {SKIP_SHARE} * 28000)
                when placed.played_draw < 0.3 then floor(music.duration_ms * (0.3 + placed.played_draw))
                else music.duration_ms
            end as bigint) as ms_played,
            placed.pause_ms,
            -- The first stream of the history and of the live days each open a session.
            placed.is_session_start or placed.k = 1
                or placed.k = ceil(placed.user_streams * {1 - LIVE_SHARE}) + 1 as is_session_start,
            placed.gap_units
        from placed
        left join music on placed.track_no = music.track_no
        left join episodes on placed.episode_no = episodes.episode_no
        """
    )
    # Gaps between sessions stretched so that each user's streams fill the history and the live
    # days: played_at = region start + running sum of (pause + gap + ms_played), the idle time
    # shared among the gaps before each session and one more (of mean weight) after the last.
    con.execute(
        f"""
        create table streams as
        with regions as (
            select
                u,
                is_live,
                sum(ms_played + pause_ms) as busy_ms,
                sum(case when is_session_start then gap_units else 0 end) as gap_units
            from drawn
            group by u, is_live
        ),
        stepped as (
            select
                drawn.*,
                case when drawn.is_live
                    then timestamp '{END}' - interval {LIVE_DAYS} day
                    else timestamp '{END}' - interval {LIVE_DAYS} day - interval {HISTORY_YEARS * 365} day
                end as region_start,
                drawn.ms_played + drawn.pause_ms + case when drawn.is_session_start
                    then cast(floor(drawn.gap_units * greatest(0,
                        (case when drawn.is_live then {live_ms} else {history_ms} end) - regions.busy_ms)
                        / (regions.gap_units + 1)) as bigint)
                    else 0 end as step_ms
            from drawn
            inner join regions on drawn.u = regions.u and drawn.is_live = regions.is_live
        )
        select
            *,
            region_start + to_milliseconds(
                sum(step_ms) over (partition by u, is_live order by k rows unbounded preceding)
            ) as ended_at
        from stepped
        """
    )
    # The hour after END: a few plays of many users, from the poller.
    con.execute(
        f"""
        create table next_hour as
        with raw as (
            select
                i,
                cast(floor({users} * rnd(i, 'next user')) as integer) as u,
                cast(floor(exp(rnd(i, 'next track') * ln({tracks} + 1))) - 1 as integer) as track_no,
                rnd(i, 'next played') as played_draw,
                cast(floor(rnd(i, 'next pause') * 5000) as bigint) as pause_ms
            from range({hour_events}) as t(i)
        ),
        played as (
            select
                raw.*,
                music.track_name, music.artist_name, music.album_name, music.spotify_id, music.derived_id,
                music.duration_ms,
                cast(case
                    when played_draw < {SKIP_SHARE} then 1000 + floor(played_draw / {SKIP_SHARE} * 28000)
                    else music.duration_ms
                end as bigint) as ms_played
            from raw inner join music on raw.track_no = music.track_no
        )
        select
            *,
            timestamp '{END}' + interval 1 minute + to_milliseconds(
                sum(ms_played + pause_ms) over (partition by u order by i rows unbounded preceding)
            ) as ended_at
        from played
        """
    )


def create_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Every lake row: the first arrival of each stream, its twins, overlaps and duplicates."""
    import_hour = f"timestamp '{END}' - interval 3 day + interval 2 hour + to_hours(u % 3 * 24)"
    export_cutoff = f"({import_hour} - interval 5 day)"
    con.execute(
        f"""
        create table first_rows as
        with poll as (
            select
                'ev' || i as event_key, u, i, 'spotify_poll' as source, 'poll' as style,
                spotify_id, derived_id, track_name, artist_name, album_name, duration_ms, ms_played,
                ended_at as played_at,
                ended_at + to_milliseconds(cast(floor(rnd(i, 'poll lag') * 1800000) as bigint)) as arrived_at
            from streams where is_live
        ),
        export as (
            select
                'ev' || i as event_key, u, i, 'spotify_export' as source,
                case when is_basic_user then 'basic' else 'extended' end as style,
                spotify_id, derived_id, track_name, artist_name, album_name, duration_ms, ms_played,
                ended_at as played_at,
                {import_hour} + to_milliseconds(cast(floor(rnd(i, 'import lag') * 3000000) as bigint)) as arrived_at
            from streams where not is_live
        ),
        twins as (
            select
                'tw' || i as event_key, u, i, 'spotify_export' as source,
                case when is_basic_user then 'basic' else 'extended' end as style,
                spotify_id, derived_id, track_name, artist_name, album_name, duration_ms, ms_played,
                ended_at as played_at,
                {import_hour} + to_milliseconds(cast(floor(rnd(i, 'import lag') * 3000000) as bigint)) as arrived_at
            from streams where is_live and ended_at < {export_cutoff}
        ),
        overlap_rows as (
            select
                'ov' || i as event_key, u, i, source, style, spotify_id, derived_id, track_name, artist_name,
                album_name, duration_ms,
                ms_played - 100 - cast(floor(rnd(i, 'overlap') * 1500) as bigint) as ms_played,
                played_at, arrived_at
            from export where rnd(i, 'is overlap') < {OVERLAP_SHARE} and ms_played > 3000
        ),
        next_poll as (
            select
                'nx' || i as event_key, u, i, 'spotify_poll' as source, 'poll' as style,
                spotify_id, derived_id, track_name, artist_name, album_name, duration_ms, ms_played,
                ended_at as played_at,
                least(ended_at + to_milliseconds(cast(floor(rnd(i, 'poll lag') * 120000) as bigint)),
                      timestamp '{END}' + interval 3599 second) as arrived_at
            from next_hour where ended_at < timestamp '{END}' + interval 58 minute
        )
        select * from poll
        union all select * from export
        union all select * from twins
        union all select * from overlap_rows
        union all select * from next_poll
        """
    )
    con.execute(
        f"""
        create table shaped as
        with keyed as (
            select *, md5(event_key) as h from first_rows
        )
        select
            substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8'
                || substr(h, 18, 3) || '-' || substr(h, 21, 12) as event_id,
            'play' as event_type,
            'user-' || lpad(cast(u as varchar), 5, '0') as user_id,
            case when style = 'basic' then derived_id else spotify_id end as track_id,
            track_name,
            artist_name,
            case when style = 'basic' then null else album_name end as album_name,
            case when style = 'poll' then duration_ms end as duration_ms,
            ms_played,
            case style
                when 'basic' then date_trunc('minute', played_at)
                when 'extended' then date_trunc('second', played_at)
                else played_at
            end as played_at,
            cast(null as timestamp) as started_at,
            case when style = 'extended' then (case when u % 2 = 0 then 'smartphone' else 'computer' end) end as device_type,
            case when style = 'extended' then (case when u % 2 = 0 then 'android' else 'windows' end) end as platform,
            case when style <> 'basic' and rnd(i, 'context') < 0.6
                then 'spotify:playlist:' || substr(md5('playlist' || (u * 7 + i % 5)), 1, 22) end as context_uri,
            case when style = 'extended' then rnd(i, 'shuffle') < 0.3 end as shuffle,
            case when style = 'extended' then (case when rnd(i, 'reason') < 0.5 then 'trackdone' else 'clickrow' end) end as reason_start,
            case when style = 'extended' then (case when ms_played < duration_ms then 'fwdbtn' else 'trackdone' end) end as reason_end,
            case when style = 'extended' then ms_played < duration_ms end as skipped,
            source,
            arrived_at - interval 200 millisecond as ingested_at,
            arrived_at,
            cast(hash(u, 'partition') % {PARTITIONS} as integer) as kafka_partition
        from keyed
        """
    )
    con.execute(
        f"""
        create table lake_rows as
        with duplicated as (
            select * from shaped
            union all
            -- Exact copies, arriving again: the next poll, or a re-import 12 hours later.
            select * replace (
                case when source = 'spotify_poll' then arrived_at + interval 1 hour
                     else arrived_at + interval 12 hour end as arrived_at,
                case when source = 'spotify_poll' then ingested_at + interval 1 hour
                     else ingested_at + interval 12 hour end as ingested_at
            )
            from shaped
            where rnd(event_id, 'duplicate') < {DUPLICATE_SHARE} and arrived_at < timestamp '{END}'
        )
        select
            * exclude (arrived_at),
            arrived_at as kafka_timestamp,
            date_trunc('hour', arrived_at) as arrival_hour,
            row_number() over (
                partition by kafka_partition order by arrived_at, user_id, played_at, event_id
            ) - 1 as kafka_offset
        from duplicated
        """
    )


PLAY_COLUMNS = [
    "event_id", "event_type", "user_id", "track_id", "track_name", "artist_name", "album_name",
    "duration_ms", "ms_played", "played_at", "started_at", "device_type", "platform", "context_uri",
    "shuffle", "reason_start", "reason_end", "skipped", "source", "ingested_at", "kafka_topic",
    "kafka_partition", "kafka_offset", "kafka_timestamp",
]


def write_files(con: duckdb.DuckDBPyConnection, lake: pathlib.Path, next_hour: pathlib.Path) -> dict:
    """One Parquet file per arrival hour and Kafka partition, sorted by (user_id, played_at)."""
    # Types of docs/data-contracts.md section 2; timestamps UTC-adjusted (TIMESTAMPTZ).
    select_list = ", ".join(
        {
            "played_at": "timezone('UTC', played_at) as played_at",
            "started_at": "timezone('UTC', started_at) as started_at",
            "ingested_at": "timezone('UTC', ingested_at) as ingested_at",
            "kafka_timestamp": "timezone('UTC', kafka_timestamp) as kafka_timestamp",
            "kafka_topic": f"'{TOPIC}' as kafka_topic",
            "kafka_offset": "cast(kafka_offset as bigint) as kafka_offset",
        }.get(name, name)
        for name in PLAY_COLUMNS
    )
    # Sorted once; each file is then a range of the table that its zone maps find quickly.
    con.execute(
        f"""
        create table lake_files as
        select {select_list}, arrival_hour
        from lake_rows
        order by arrival_hour, kafka_partition, user_id, played_at, event_id
        """
    )
    manifests = con.execute(
        f"""
        select
            arrival_hour,
            list({{'topic': '{TOPIC}', 'partition': kafka_partition, 'start_offset': first_offset,
                  'end_offset': last_offset + 1}} order by kafka_partition) as ranges,
            sum(records) as records
        from (
            select arrival_hour, kafka_partition, min(kafka_offset) as first_offset,
                   max(kafka_offset) as last_offset, count(*) as records
            from lake_rows group by arrival_hour, kafka_partition
        )
        group by arrival_hour
        order by arrival_hour
        """
    ).fetchall()
    counts = {"files": 0, "batches": 0}
    end_hour = END[0:4] + END[5:7] + END[8:10] + END[11:13]
    for arrival_hour, ranges, records in manifests:
        start = arrival_hour.strftime("%Y%m%dT%H%M%S")
        stop = (arrival_hour.timestamp() + 3600)
        stop_name = time.strftime("%Y%m%dT%H%M%S", time.gmtime(stop))
        batch = f"w{start}-{stop_name}"
        root = next_hour if arrival_hour.strftime("%Y%m%d%H") >= end_hour else lake
        folder = root / "plays" / arrival_hour.strftime("year=%Y/month=%m/day=%d/hour=%H")
        folder.mkdir(parents=True, exist_ok=True)
        for partition_range in ranges:
            partition = partition_range["partition"]
            target = folder / f"{batch}-{TOPIC}-{partition}.parquet"
            con.execute(
                f"""
                copy (
                    select * exclude (arrival_hour) from lake_files
                    where arrival_hour = timestamp '{arrival_hour:%Y-%m-%d %H:%M:%S}' and kafka_partition = {partition}
                    order by user_id, played_at, event_id
                ) to {sql_string(str(target))} (format parquet)
                """
            )
            counts["files"] += 1
        (root / "_manifests").mkdir(exist_ok=True)
        manifest = {
            "batch": batch,
            "window_start": arrival_hour.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "window_end": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stop)),
            "ranges": ranges,
            "expected_records": int(records),
            "records_read": int(records),
            "valid_events": int(records),
            "dead_letters": 0,
        }
        (root / "_manifests" / f"{batch}.json").write_text(json.dumps(manifest, indent=2) + "\n")
        counts["batches"] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lake_dir", type=pathlib.Path)
    parser.add_argument("next_hour_dir", type=pathlib.Path)
    parser.add_argument("--events", type=int, required=True, help="rows of the lake (about)")
    parser.add_argument("--users", type=int, default=3000)
    parser.add_argument("--tracks", type=int, default=50000)
    parser.add_argument("--hour-events", type=int, default=3000, help="rows of the next hour")
    args = parser.parse_args()
    for folder in (args.lake_dir, args.next_hour_dir):
        if folder.exists() and any(folder.iterdir()):
            print(f"error: {folder} is not empty", file=sys.stderr)
            return 2
        folder.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    con.execute(f"set temp_directory = {sql_string(str(args.lake_dir.parent / 'duckdb-tmp'))}")
    # DuckDB takes 80% of memory by default; at 10M events that froze a shared 24 GB machine.
    # Bounded, it spills to temp_directory instead.
    con.execute(f"set memory_limit = {sql_string(os.environ.get('SYNTHETIC_LAKE_MEMORY_LIMIT', '6GB'))}")
    define_macros(con)
    create_catalog(con, args.tracks)
    # Twins, overlaps and duplicates come on top of the streams drawn.
    base = round(args.events / (1 + 0.02 + DUPLICATE_SHARE + OVERLAP_SHARE))
    create_streams(con, base, args.users, args.tracks, args.hour_events)
    create_rows(con)
    summary = con.execute(
        f"""
        select
            count(*) filter (where arrival_hour < timestamp '{END}') as lake_rows,
            count(*) filter (where arrival_hour >= timestamp '{END}') as next_hour_rows,
            count(*) - count(distinct event_id) as duplicates,
            count(*) filter (where source = 'spotify_export' and played_at >= timestamp '{END}' - interval {LIVE_DAYS} day) as twins,
            count(*) filter (where ms_played < 30000) / count(*) as skip_share,
            count(*) filter (where artist_name like 'Show %') as podcast_rows,
            count(distinct arrival_hour) as arrival_hours
        from lake_rows
        """
    ).fetchone()
    counts = write_files(con, args.lake_dir, args.next_hour_dir)
    con.close()
    lake_rows, next_rows, duplicates, twins, skip_share, podcasts, hours = summary
    print(
        f"synthetic lake {args.lake_dir}: {lake_rows} rows (+{next_rows} in the next hour), "
        f"{counts['files']} files in {counts['batches']} batches over {hours} arrival hours; "
        f"{duplicates} exact duplicates, {twins} cross-source twins, {podcasts} podcast rows, "
        f"{skip_share:.0%} under 30 s; {time.monotonic() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
