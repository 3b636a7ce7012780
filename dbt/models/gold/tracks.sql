with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

ranked_names as (
    select
        track_id,
        track_name,
        artist_name,
        row_number() over (
            partition by track_id
            order by played_at desc, ingested_at desc, play_id desc
        ) as recency_rank
    from plays
),

latest_names as (
    select
        track_id,
        track_name,
        artist_name
    from ranked_names
    where recency_rank = 1
),

track_counts as (
    select
        track_id,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        count(distinct case when is_counted_play then user_id end) as listeners
    from plays
    group by track_id
),

final as (
    select
        -- ids
        track_counts.track_id,

        -- names
        latest_names.track_name,
        latest_names.artist_name,

        -- counts
        cast(track_counts.plays as {{ dbt.type_bigint() }}) as plays,
        cast(track_counts.listeners as {{ dbt.type_bigint() }}) as listeners

    from track_counts
    inner join latest_names
        on track_counts.track_id = latest_names.track_id
)

select * from final
