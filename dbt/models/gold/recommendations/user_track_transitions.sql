{#-
  What each user plays after a track: for every counted play of track_id, the counted plays of
  the same session up to var('recommendation_transition_steps') positions later, each weighing
  var('recommendation_step_decay') ^ (steps - 1). A sequential rule with decay: the track right
  after counts fully, the ones a few steps on count less. recent_weight also halves every
  var('recommendation_transition_half_life_days') before the user's latest play: what followed a
  the last few times, for a listener whose habits change. Every row depends only on its user's
  plays. The web app's ranker reads a user's rows for the seed and the recent tracks.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

aged_plays as (
    select
        *,
        {{ dbt.datediff('played_at', 'max(played_at) over (partition by user_id)', 'second') }}
        / 86400.0 as age_days
    from session_plays
),

followers as (
    select
        earlier.user_id,
        earlier.session_id,
        earlier.track_id,
        later.track_id as next_track_id,
        later.session_position - earlier.session_position as steps,
        earlier.age_days
    from aged_plays as earlier
    inner join aged_plays as later
        on
            earlier.user_id = later.user_id
            and earlier.session_id = later.session_id
            and later.session_position > earlier.session_position
            and later.session_position
            <= earlier.session_position + {{ var('recommendation_transition_steps') | int }}
    where earlier.track_id != later.track_id
),

user_transitions as (
    select
        user_id,
        track_id,
        next_track_id,
        sum(case when steps = 1 then 1 else 0 end) as transitions,
        sum(power({{ var('recommendation_step_decay') | float }}, steps - 1)) as weight,
        sum(
            power({{ var('recommendation_step_decay') | float }}, steps - 1)
            * power(0.5, age_days / {{ var('recommendation_transition_half_life_days') | float }})
        ) as recent_weight,
        count(distinct session_id) as sessions
    from followers
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
        / sum(cast(recent_weight as double)) over (partition by user_id, track_id) as recent_probability

    from user_transitions
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id, next_track_id
