{#-
  The tracks each user plays in the same session as a track, in either order and at most
  var('recommendation_neighbour_window') counted plays apart: their playlists and albums, played in
  order or shuffled. share is the share of the user's sessions with track_id that also hold
  related_track_id that close. The window keeps the model linear in the number of plays (the
  original design's whole-session co-occurrence, user_session_co_occurrence, grows with the square
  of session length). Every row depends only on its user's plays; the web app's ranker reads a
  user's rows for the seed.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

track_sessions as (
    select
        user_id,
        track_id,
        count(distinct session_id) as sessions
    from session_plays
    group by user_id, track_id
),

together as (
    select
        seed.user_id,
        seed.track_id,
        other.track_id as related_track_id,
        count(distinct seed.session_id) as sessions_together
    from session_plays as seed
    inner join session_plays as other
        on
            seed.user_id = other.user_id
            and seed.session_id = other.session_id
            and other.session_position
            between seed.session_position - {{ var('recommendation_neighbour_window') | int }}
            and seed.session_position + {{ var('recommendation_neighbour_window') | int }}
            and seed.track_id != other.track_id
    group by seed.user_id, seed.track_id, other.track_id
),

final as (
    select
        -- keys
        together.user_id,
        together.track_id,
        together.related_track_id,

        -- counts
        cast(together.sessions_together as {{ dbt.type_bigint() }}) as sessions_together,
        cast(track_sessions.sessions as {{ dbt.type_bigint() }}) as track_sessions,

        -- share in (0, 1]
        cast(together.sessions_together as double) / track_sessions.sessions as share

    from together
    inner join track_sessions
        on together.user_id = track_sessions.user_id and together.track_id = track_sessions.track_id
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id, related_track_id
