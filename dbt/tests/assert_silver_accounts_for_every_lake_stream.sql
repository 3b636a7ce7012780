{#
  Silver accounts for the lake exactly: silver_streams has one row per distinct event_id of the
  lake's listening events, and every stream is in exactly one play of silver_plays (the sum of
  stream_count). Returns a row naming the count that differs.
#}
with lake_streams as (
    select count(distinct event_id) as streams
    from {{ ref('stg_lake__plays') }}
    where event_type in {{ listening_event_types_sql() }}
),

silver_streams as (
    select count(*) as streams from {{ ref('silver_streams') }}
),

silver_plays as (
    select coalesce(sum(stream_count), 0) as streams from {{ ref('silver_plays') }}
),

counts as (
    select
        lake_streams.streams as lake_streams,
        silver_streams.streams as silver_streams,
        silver_plays.streams as streams_in_plays
    from lake_streams
    cross join silver_streams
    cross join silver_plays
)

select *
from counts
where lake_streams != silver_streams or silver_streams != streams_in_plays
