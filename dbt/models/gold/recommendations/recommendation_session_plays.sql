{{ config(materialized='ephemeral') }}

{#-
  The counted music plays of every session with their position in it (skips take no position):
  the sequence every recommendation model below reads, so they all agree on what "next" means.
-#}
with sessionized_plays as (
    select * from {{ ref('int_plays_sessionized') }}
),

counted_plays as (
    select
        play_id,
        user_id,
        session_id,
        track_id,
        artist_key,
        played_at
    from sessionized_plays
    where is_counted_play
),

final as (
    select
        *,
        row_number() over (
            partition by user_id, session_id
            order by played_at, play_id
        ) as session_position
    from counted_plays
)

select * from final
