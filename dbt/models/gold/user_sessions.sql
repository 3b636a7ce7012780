{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ rebuild_changed_rows('user_id') }}"
    )
}}

{#- One row per listening session; every row depends only on its user's plays.
  Incremental by user: the users of int_stale_pairs are rebuilt from all of their plays.
-#}
with sessionized_plays as (
    select * from {{ ref('int_plays_sessionized') }}
    where {{ changed_rows_filter('user_id') }}
),

sessions as (
    select
        user_id,
        session_id,
        user_session_number,
        time_zone,
        {#- The earliest start, not the first row's: a long play can start before the play that
            ended first. #}
        min(started_at) as started_at,
        max(played_at) as ended_at,
        sum(ms_played) as listening_ms,
        sum(case when is_counted_play then 1 else 0 end) as tracks,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        count(distinct track_id) as unique_tracks
    from sessionized_plays
    group by user_id, session_id, user_session_number, time_zone
),

localized_sessions as (
    select
        *,
        {{ utc_to_local_timestamp('started_at', 'time_zone') }} as local_started_at
    from sessions
),

final as (
    select
        -- ids
        session_id,
        user_id,
        cast(user_session_number as {{ dbt.type_bigint() }}) as session_number,

        -- timestamps (UTC)
        started_at,
        ended_at,

        -- in the user's time zone
        cast(time_zone as {{ dbt.type_string() }}) as time_zone,
        cast(local_started_at as date) as local_start_date,
        cast(extract(hour from local_started_at) as {{ dbt.type_int() }}) as local_start_hour,

        -- counts
        cast({{ dbt.datediff('started_at', 'ended_at', 'millisecond') }} as {{ dbt.type_bigint() }}) as length_ms,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(tracks as {{ dbt.type_bigint() }}) as tracks,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(unique_tracks as {{ dbt.type_bigint() }}) as unique_tracks

    from localized_sessions
)

select * from final
