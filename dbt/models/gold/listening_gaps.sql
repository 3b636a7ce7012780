{#-
  Per user: the runs of local days without any stream (music or podcast, played or skipped)
  between the user's first and last listen_date. Found with lead() over the days that have
  streams, so no date spine is needed and the cost follows the days listened, not the calendar.
  Every row depends only on that user's plays.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
),

listening_days as (
    select distinct
        user_id,
        listen_date
    from plays
),

next_listening_days as (
    select
        user_id,
        listen_date,
        lead(listen_date) over (partition by user_id order by listen_date) as next_listen_date
    from listening_days
),

day_steps as (
    select
        user_id,
        listen_date,
        next_listen_date,
        {{ dbt.datediff('listen_date', 'next_listen_date', 'day') }} as days_to_next
    from next_listening_days
    where next_listen_date is not null
),

final as (
    select
        -- keys
        user_id,
        cast({{ dbt.dateadd('day', '1', 'listen_date') }} as date) as gap_start_date,

        -- last day of the gap
        cast({{ dbt.dateadd('day', '-1', 'next_listen_date') }} as date) as gap_end_date,

        -- counts
        cast(days_to_next - 1 as {{ dbt.type_bigint() }}) as gap_days

    from day_steps
    where days_to_next > 1
)

select * from final
