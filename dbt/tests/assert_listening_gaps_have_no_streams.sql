{#
  Each gap of listening_gaps lies inside its user's range (dim_users), is gap_days long, has no
  stream on any of its days, and has a stream on the day before and the day after (so gaps are
  maximal runs). Fails on each gap that breaks one of these.
#}
with gaps as (
    select * from {{ ref('listening_gaps') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

listening_days as (
    select distinct user_id, listen_date
    from {{ ref('silver_plays') }}
),

streams_inside as (
    select gaps.user_id, gaps.gap_start_date, count(*) as days_with_streams
    from gaps
    inner join listening_days
        on
            gaps.user_id = listening_days.user_id
            and listening_days.listen_date between gaps.gap_start_date and gaps.gap_end_date
    group by gaps.user_id, gaps.gap_start_date
),

bounded_gaps as (
    select
        gaps.*,
        users.first_listen_date,
        users.last_listen_date,
        day_before.listen_date as day_before,
        day_after.listen_date as day_after,
        coalesce(streams_inside.days_with_streams, 0) as days_with_streams
    from gaps
    left join users
        on gaps.user_id = users.user_id
    left join listening_days as day_before
        on
            gaps.user_id = day_before.user_id
            and day_before.listen_date = cast({{ dbt.dateadd('day', '-1', 'gaps.gap_start_date') }} as date)
    left join listening_days as day_after
        on
            gaps.user_id = day_after.user_id
            and day_after.listen_date = cast({{ dbt.dateadd('day', '1', 'gaps.gap_end_date') }} as date)
    left join streams_inside
        on
            gaps.user_id = streams_inside.user_id
            and gaps.gap_start_date = streams_inside.gap_start_date
),

broken_gaps as (
    select *
    from bounded_gaps
    where
        gap_start_date <= first_listen_date
        or gap_end_date >= last_listen_date
        or first_listen_date is null
        or gap_days != {{ dbt.datediff('gap_start_date', 'gap_end_date', 'day') }} + 1
        or days_with_streams > 0
        or day_before is null
        or day_after is null
)

select * from broken_gaps
