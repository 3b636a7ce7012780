with staged_plays as (
    select * from {{ ref('stg_lake__plays') }}
),

listening_events as (
    select *
    from staged_plays
    where event_type in {{ listening_event_types_sql() }}
),

ranked_arrivals as (
    select
        *,
        row_number() over (
            partition by event_id
            order by ingested_at, kafka_topic, kafka_partition, kafka_offset
        ) as arrival_rank
    from listening_events
),

first_arrivals as (
    select *
    from ranked_arrivals
    where arrival_rank = 1
),

final as (
    select
        -- ids
        event_id,
        user_id,
        track_id,

        -- event
        event_type,
        event_source,

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
        played_at,
        started_at,
        ingested_at,
        {{ utc_to_local_date('played_at', var('listen_time_zone')) }} as listen_date,

        -- kafka lineage of the kept arrival
        kafka_topic,
        kafka_partition,
        kafka_offset

    from first_arrivals
)

select * from final
