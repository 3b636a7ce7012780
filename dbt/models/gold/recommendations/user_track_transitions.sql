{#-
  What each user plays after a track: for every counted play of track_id, the counted plays of
  the same session up to var('recommendation_transition_steps') positions later, each weighing
  var('recommendation_step_decay') ^ (steps - 1) (the follow-up rule of
  macros/recommendations.sql). A sequential rule with decay: the track right after counts fully,
  the ones a few steps on count less. recent_weight also halves every
  var('recommendation_transition_half_life_days') before the user's latest play: what followed a
  for a listener whose habits change. replay_weight keeps only the user's last
  var('recommendation_replay_occurrences') plays of track_id, each one half as much as the one
  after it: what followed it the last few times, however long ago. Every row depends only on its
  user's plays. The web app's ranker reads a user's rows for the seed and the recent tracks.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

follow_ups as (
    {{ session_follow_ups('session_plays') }}
),

user_transitions as (
    select
        user_id,
        track_id,
        next_track_id,
        sum(case when steps = 1 then 1 else 0 end) as transitions,
        sum(step_weight) as weight,
        sum(step_weight * recency) as recent_weight,
        sum(
            case
                when occurrence <= {{ var('recommendation_replay_occurrences') | int }}
                    then step_weight * power(0.5, occurrence - 1)
                else 0
            end
        ) as replay_weight,
        count(distinct session_id) as sessions
    from follow_ups
    group by user_id, track_id, next_track_id
),

final as (
    select
        -- keys
        user_id,
        track_id,
        next_track_id,

        -- counts
        cast(transitions as {{ dbt.type_bigint() }}) as transitions,
        cast(sessions as {{ dbt.type_bigint() }}) as sessions,

        -- weights
        cast(weight as double) as weight,
        cast(weight as double)
        / sum(cast(weight as double)) over (partition by user_id, track_id) as probability,
        cast(recent_weight as double) as recent_weight,
        cast(recent_weight as double)
        / sum(cast(recent_weight as double)) over (partition by user_id, track_id) as recent_probability,
        cast(replay_weight as double) as replay_weight,
        {#- 0 for every follower when none of the last plays of track_id had one. #}
        coalesce(
            cast(replay_weight as double)
            / nullif(sum(cast(replay_weight as double)) over (partition by user_id, track_id), 0),
            0
        ) as replay_probability

    from user_transitions
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id, next_track_id
