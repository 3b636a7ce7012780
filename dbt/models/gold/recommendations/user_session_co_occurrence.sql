{#-
  The original design's co-occurrence, kept as a baseline of the evaluation: per user, the
  sessions in which two distinct tracks were both played, and the share of the sessions of
  track_id that also hold related_track_id. Every pair of a session, not a window (the pair rule
  of macros/recommendations.sql without one), so it grows with the square of session length:
  built only when var('recommendation_baselines') is true (ops/evaluate-recommendations.sh sets
  it), empty otherwise.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
    {% if not var('recommendation_baselines') %}where false{% endif %}
),

{#- One row per track of a session: a track played twice in it pairs once. #}
session_tracks as (
    select distinct
        user_id,
        session_id,
        track_id
    from session_plays
),

final as (
    {{ session_pair_shares('session_tracks') }}
)

select * from final
