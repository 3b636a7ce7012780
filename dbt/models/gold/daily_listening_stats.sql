with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

daily as (
    select
        user_id,
        listen_date,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        sum(ms_played) as listening_ms,
        count(distinct track_id) as unique_tracks,
        count(distinct artist_name) as unique_artists
    from plays
    group by user_id, listen_date
),

final as (
    select
        -- keys
        user_id,
        listen_date,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(unique_tracks as {{ dbt.type_bigint() }}) as unique_tracks,
        cast(unique_artists as {{ dbt.type_bigint() }}) as unique_artists

    from daily
)

select * from final
