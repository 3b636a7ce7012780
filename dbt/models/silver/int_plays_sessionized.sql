with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

timed_plays as (
    select
        play_id,
        user_id,
        track_id,
        is_counted_play,
        played_at,
        coalesce(
            started_at,
            {{ dbt.dateadd('millisecond', '-1 * ms_played', 'played_at') }}
        ) as estimated_started_at,
        lag(played_at) over (
            partition by user_id
            order by played_at, play_id
        ) as previous_played_at
    from plays
),

gap_limits as (
    select
        *,
        {{ dbt.dateadd('minute', var('session_gap_minutes'), 'previous_played_at') }} as new_session_from
    from timed_plays
),

session_starts as (
    select
        *,
        case
            when previous_played_at is null then 1
            when estimated_started_at >= new_session_from then 1
            else 0
        end as is_session_start
    from gap_limits
),

numbered_sessions as (
    select
        *,
        {#- Cast: the Snowflake stand-in sums an uncast argument as a double, which would make
            session_id 'u1#1.0' (dbt/README.md, "Snowflake stand-in"). #}
        sum(cast(is_session_start as {{ dbt.type_bigint() }})) over (
            partition by user_id
            order by played_at, play_id
            rows between unbounded preceding and current row
        ) as user_session_number
    from session_starts
),

final as (
    select
        -- ids
        play_id,
        user_id,
        track_id,
        {{ dbt.concat(['user_id', "'#'", dbt.safe_cast('user_session_number', dbt.type_string())]) }} as session_id,

        -- session
        cast(user_session_number as {{ dbt.type_bigint() }}) as user_session_number,
        is_session_start = 1 as is_session_start,
        is_counted_play,

        -- timestamps (UTC)
        estimated_started_at,
        played_at

    from numbered_sessions
)

select * from final
