{#-
  What each user plays after a track when it came right after another: for every counted play of
  track_id whose previous counted play in the session was previous_track_id, the counted plays up
  to var('recommendation_transition_steps') positions later, each weighing
  var('recommendation_step_decay') ^ (steps - 1) and halving every
  var('recommendation_transition_half_life_days') before the user's latest play (the follow-up
  rule of macros/recommendations.sql, which user_track_transitions shares). A sequential rule
  keyed by the last two tracks: it tells apart the albums and playlists one track belongs to, and
  replays the order of the listener's recent sessions. Every row depends only on its user's plays;
  the web app's ranker reads a user's rows for (the latest recent track, the seed).
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

follow_ups as (
    {{ session_follow_ups('session_plays') }}
),

sequence_transitions as (
    select
        user_id,
        previous_track_id,
        track_id,
        next_track_id,
        count(*) as follow_ups,
        sum(step_weight * recency) as weight
    from follow_ups
    where
        previous_track_id is not null
        and previous_track_id != track_id
    group by user_id, previous_track_id, track_id, next_track_id
),

final as (
    select
        -- keys
        user_id,
        previous_track_id,
        track_id,
        next_track_id,

        -- counts
        cast(follow_ups as {{ dbt.type_bigint() }}) as follow_ups,

        -- weights
        cast(weight as double) as weight,
        cast(weight as double)
        / sum(cast(weight as double)) over (partition by user_id, previous_track_id, track_id)
            as probability

    from sequence_transitions
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id, previous_track_id, next_track_id
