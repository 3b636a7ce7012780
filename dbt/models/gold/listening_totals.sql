with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

streams as (
    select * from {{ ref('silver_streams') }}
),

{#- What the lake itself can be checked against: distinct streams reaching the threshold, of any
    content, before one play's streams are merged. #}
stream_totals as (
    select sum(case when is_counted_play then 1 else 0 end) as counted_streams
    from streams
),

totals as (
    select
        sum(case when is_counted_play then 1 else 0 end) as total_plays,
        sum(case when is_counted_play then 0 else 1 end) as total_skips,
        count(distinct track_id) as unique_tracks,
        count(distinct artist_name) as unique_artists,
        count(distinct user_id) as unique_users,
        sum(ms_played) as listening_ms,
        min(played_at) as first_played_at,
        max(played_at) as last_played_at
    from plays
),

final as (
    select
        -- counts
        cast(coalesce(total_plays, 0) as {{ dbt.type_bigint() }}) as total_plays,
        cast(coalesce(total_skips, 0) as {{ dbt.type_bigint() }}) as total_skips,
        cast(unique_tracks as {{ dbt.type_bigint() }}) as unique_tracks,
        cast(unique_artists as {{ dbt.type_bigint() }}) as unique_artists,
        cast(unique_users as {{ dbt.type_bigint() }}) as unique_users,
        cast(coalesce(listening_ms, 0) as {{ dbt.type_bigint() }}) as listening_ms,

        -- timestamps (UTC)
        cast(first_played_at as {{ dbt.type_timestamp() }}) as first_played_at,
        cast(last_played_at as {{ dbt.type_timestamp() }}) as last_played_at,

        -- lake reconciliation
        cast(coalesce(stream_totals.counted_streams, 0) as {{ dbt.type_bigint() }}) as counted_streams

    from totals
    cross join stream_totals
)

select * from final
