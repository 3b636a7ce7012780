{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='event_id'
    )
}}

{#-
  Incremental over the lake partitions of the last build's latest arrival hour and later: that
  hour is read again because a rerun of its window rewrites its files. Arrivals of an event_id
  already kept are ranked together with the kept one, so the first arrival wins either way.
-#}
{%- set since_hour = incremental_watermark('arrival_hour') %}
{#- The columns of an arrival, read from the lake and from the rows already kept alike. #}
{%- set arrival_columns = ['event_id', 'user_id', 'track_id', 'event_type', 'event_source', 'track_name', 'artist_name', 'album_name', 'duration_ms', 'ms_played', 'device_type', 'platform', 'context_uri', 'is_shuffle', 'reason_start', 'reason_end', 'is_reported_skip', 'played_at', 'started_at', 'ingested_at', 'arrived_at', 'arrival_hour', 'kafka_topic', 'kafka_partition', 'kafka_offset'] %}

with staged_plays as (
    select * from {{ ref('stg_lake__plays') }}
    where {{ lake_partitions_since(since_hour) }}
),

listening_events as (
    select *
    from staged_plays
    where event_type in {{ listening_event_types_sql() }}
),

new_arrivals as (
    select {{ arrival_columns | join(', ') }}
    from listening_events
),

candidate_arrivals as (
    select * from new_arrivals
    {%- if is_incremental() %}

    union all

    select kept.{{ arrival_columns | join(', kept.') }}
    from {{ this }} as kept
    where kept.event_id in (select new_arrivals.event_id from new_arrivals)
    {%- endif %}
),

{#- About one event in a hundred arrives more than once: only those are ranked. #}
repeated_events as (
    select event_id
    from candidate_arrivals
    group by event_id
    having count(*) > 1
),

ranked_repeats as (
    select
        candidate_arrivals.*,
        row_number() over (
            partition by candidate_arrivals.event_id
            order by
                candidate_arrivals.arrival_hour,
                candidate_arrivals.arrived_at,
                candidate_arrivals.ingested_at,
                candidate_arrivals.kafka_topic,
                candidate_arrivals.kafka_partition,
                candidate_arrivals.kafka_offset
        ) as arrival_rank
    from candidate_arrivals
    inner join repeated_events
        on candidate_arrivals.event_id = repeated_events.event_id
),

first_arrivals as (
    select *
    from ranked_repeats
    where arrival_rank = 1

    union all

    select candidate_arrivals.*, 1 as arrival_rank
    from candidate_arrivals
    left join repeated_events
        on candidate_arrivals.event_id = repeated_events.event_id
    where repeated_events.event_id is null
),

final as (
    select
        -- ids
        event_id,
        user_id,
        track_id,
        {{ track_key('artist_name', 'track_name') }} as track_key,
        {{ artist_key('artist_name') }} as artist_key,

        -- event
        event_type,
        event_source,
        {{ source_rank('event_source') }} as source_rank,

        -- track
        track_name,
        artist_name,
        album_name,
        duration_ms,

        -- playback
        ms_played,
        ms_played >= {{ play_threshold_ms() }} as is_counted_play,
        device_type,
        platform,
        context_uri,
        is_shuffle,
        reason_start,
        reason_end,
        is_reported_skip,

        -- timestamps (UTC)
        coalesce(
            started_at,
            {{ dbt.dateadd('millisecond', '-1 * ms_played', 'played_at') }}
        ) as stream_started_at,
        played_at,
        started_at,
        ingested_at,
        arrived_at,
        arrival_hour,

        -- kafka lineage of the kept arrival
        kafka_topic,
        kafka_partition,
        kafka_offset

    from first_arrivals
)

select * from final
