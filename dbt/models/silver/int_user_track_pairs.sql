{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ rebuild_changed_rows('user_id') }}"
    )
}}

{#-
  Per user, how often two distinct tracks were played close together in a session: counted plays
  of one session that are at most var('co_occurrence_window') positions apart pair up (skips take
  no position). Comparing a bounded window instead of every pair of a session keeps the self-join
  at window rows per play however long a session runs. Every row depends only on its user's
  plays; gold.track_co_occurrence caps and adds them up over users.

  Incremental by user: the users of int_stale_pairs are rebuilt from all of their plays.
-#}
with sessionized_plays as (
    select * from {{ ref('int_plays_sessionized') }}
    where {{ changed_rows_filter('user_id') }}
),

counted_plays as (
    select
        play_id,
        user_id,
        session_id,
        track_id,
        played_at
    from sessionized_plays
    where is_counted_play
),

positioned_plays as (
    select
        *,
        row_number() over (
            partition by user_id, session_id
            order by played_at, play_id
        ) as session_position
    from counted_plays
),

window_pairs as (
    select
        earlier.user_id,
        earlier.session_id,
        earlier.track_id,
        later.track_id as related_track_id
    from positioned_plays as earlier
    inner join positioned_plays as later
        on
            earlier.user_id = later.user_id
            and earlier.session_id = later.session_id
            and later.session_position > earlier.session_position
            and later.session_position <= earlier.session_position + {{ var('co_occurrence_window') | int }}
    where earlier.track_id != later.track_id
),

both_directions as (
    select
        user_id,
        session_id,
        track_id,
        related_track_id
    from window_pairs

    union all

    select
        user_id,
        session_id,
        related_track_id as track_id,
        track_id as related_track_id
    from window_pairs
),

user_pairs as (
    select
        user_id,
        track_id,
        related_track_id,
        count(*) as co_occurrences,
        count(distinct session_id) as sessions
    from both_directions
    group by user_id, track_id, related_track_id
),

final as (
    select
        -- keys
        user_id,
        track_id,
        related_track_id,

        -- counts
        cast(co_occurrences as {{ dbt.type_bigint() }}) as co_occurrences,
        cast(sessions as {{ dbt.type_bigint() }}) as sessions

    from user_pairs
)

select * from final
