{#-
  Per user: the full week of local hours (int_weekday_hours) for every user with a music stream,
  zeros where nothing was played, so the dashboard's heat map needs no filling in. Every row
  depends only on that user's plays.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

weekday_hours as (
    select * from {{ ref('int_weekday_hours') }}
),

listeners as (
    select distinct user_id
    from plays
),

hour_counts as (
    select
        user_id,
        listen_weekday,
        listen_hour,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(ms_played) as listening_ms
    from plays
    group by user_id, listen_weekday, listen_hour
),

grid as (
    select
        listeners.user_id,
        weekday_hours.listen_weekday,
        weekday_hours.listen_hour
    from listeners
    cross join weekday_hours
),

final as (
    select
        -- keys
        grid.user_id,
        grid.listen_weekday,
        grid.listen_hour,

        -- counts
        cast(coalesce(hour_counts.plays, 0) as {{ dbt.type_bigint() }}) as plays,
        cast(coalesce(hour_counts.listening_ms, 0) as {{ dbt.type_bigint() }}) as listening_ms

    from grid
    left join hour_counts
        on
            grid.user_id = hour_counts.user_id
            and grid.listen_weekday = hour_counts.listen_weekday
            and grid.listen_hour = hour_counts.listen_hour
)

select * from final
