{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ rebuild_changed_rows('user_id') }}"
    )
}}

{#-
  Music plays and skips cut into listening sessions per user. Every row depends only on its user's
  plays, so the model can later be rebuilt per user (incremental by user_id).

  Incremental by user: the users of int_stale_pairs are rebuilt from all of their plays.
-#}
with plays as (
    select * from {{ ref('silver_plays') }}
    where
        content_type = 'music'
        and {{ changed_rows_filter('user_id') }}
),

sequenced_plays as (
    select
        play_id,
        user_id,
        track_id,
        artist_key,
        is_counted_play,
        ms_played,
        started_at,
        played_at,
        time_zone,
        {#- Ordered by end: the previous row's played_at is then the latest end so far, so a long
            play that overlaps later ones still holds its session open. #}
        lag(played_at) over (
            partition by user_id
            order by played_at, play_id
        ) as previous_played_at
    from plays
),

session_starts as (
    select
        *,
        case
            when previous_played_at is null then 1
            when started_at >= {{ dbt.dateadd('minute', var('session_gap_minutes'), 'previous_played_at') }} then 1
            else 0
        end as is_session_start
    from sequenced_plays
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
        artist_key,
        {{ dbt.concat(['user_id', "'#'", dbt.safe_cast('user_session_number', dbt.type_string())]) }} as session_id,

        -- session
        cast(user_session_number as {{ dbt.type_bigint() }}) as user_session_number,
        is_session_start = 1 as is_session_start,

        -- playback
        is_counted_play,
        ms_played,

        -- timestamps (UTC)
        started_at,
        played_at,

        -- the user's IANA zone (silver_plays), for local session figures
        time_zone

    from numbered_sessions
)

select * from final
