{#-
  What each user plays after a track: for every counted play of track_id, the counted plays of
  the same session up to var('recommendation_transition_steps') positions later, each weighing
  var('recommendation_step_decay') ^ (steps - 1). A sequential rule with decay: the track right
  after counts fully, the ones a few steps on count less. Every row depends only on its user's
  plays. The web app's ranker reads a user's rows for the seed and the recent tracks.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

followers as (
    select
        earlier.user_id,
        earlier.session_id,
        earlier.track_id,
        later.track_id as next_track_id,
        later.session_position - earlier.session_position as steps
    from session_plays as earlier
    inner join session_plays as later
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
        / sum(cast(weight as double)) over (partition by user_id, track_id) as probability

    from user_transitions
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id, next_track_id
