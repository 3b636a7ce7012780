{#-
  The tracks each user plays in the same session as a track, in either order and at most
  var('recommendation_neighbour_window') counted plays apart: their playlists and albums, played in
  order or shuffled. share is the share of the user's sessions with track_id that also hold
  related_track_id that close; distance within the window does not count (weighing pairs of
  plays by it blended lower on the validation period, docs/recommendations.md). The window keeps
  the model linear in the number of plays (the original design's whole-session co-occurrence,
  user_session_co_occurrence, grows with the square of session length); both share the pair rule
  of macros/recommendations.sql. Every row depends only on its user's plays; the web app's ranker
  reads a user's rows for the seed and the recent tracks.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

final as (
    {{ session_pair_shares('session_plays', var('recommendation_neighbour_window')) }}
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id, related_track_id
