with source as (
    select * from {{ lake_source('lake', 'plays') }}
),

renamed as (
    select
        -- ids
        cast(event_id as {{ dbt.type_string() }}) as event_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(track_id as {{ dbt.type_string() }}) as track_id,

        -- event
        cast(event_type as {{ dbt.type_string() }}) as event_type,
        cast(source as {{ dbt.type_string() }}) as event_source,

        -- track
        cast(track_name as {{ dbt.type_string() }}) as track_name,
        cast(artist_name as {{ dbt.type_string() }}) as artist_name,
        cast(album_name as {{ dbt.type_string() }}) as album_name,
        cast(duration_ms as {{ dbt.type_bigint() }}) as duration_ms,

        -- playback
        cast(ms_played as {{ dbt.type_bigint() }}) as ms_played,
        cast(device_type as {{ dbt.type_string() }}) as device_type,
        cast(platform as {{ dbt.type_string() }}) as platform,
        cast(context_uri as {{ dbt.type_string() }}) as context_uri,
        cast(shuffle as {{ dbt.type_boolean() }}) as is_shuffle,
        cast(reason_start as {{ dbt.type_string() }}) as reason_start,
        cast(reason_end as {{ dbt.type_string() }}) as reason_end,
        cast(skipped as {{ dbt.type_boolean() }}) as is_reported_skip,

        -- timestamps (UTC)
        {{ to_utc_timestamp('played_at') }} as played_at,
        {{ to_utc_timestamp('started_at') }} as started_at,
        {{ to_utc_timestamp('ingested_at') }} as ingested_at,

        -- kafka lineage
        cast(kafka_topic as {{ dbt.type_string() }}) as kafka_topic,
        cast(kafka_partition as {{ dbt.type_int() }}) as kafka_partition,
        cast(kafka_offset as {{ dbt.type_bigint() }}) as kafka_offset,
        {{ to_utc_timestamp('kafka_timestamp') }} as arrived_at,

        -- lake partition: the UTC hour the record arrived (macro lake_arrival_partition)
        {{ lake_arrival_partition() }}

    from source
)

select * from renamed
