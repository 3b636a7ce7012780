{#-
  What each user plays after a track when it came right after another: for every counted play of
  track_id whose previous counted play in the session was previous_track_id, the counted plays up
  to var('recommendation_transition_steps') positions later, each weighing
  var('recommendation_step_decay') ^ (steps - 1) and halving every
  var('recommendation_transition_half_life_days') before the user's latest play. A sequential
  rule keyed by the last two tracks: it tells apart the albums and playlists one track belongs
  to, and replays the order of the listener's recent sessions. Every row depends only on its
  user's plays; the web app's ranker reads a user's rows for (the latest recent track, the seed).
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

aged_plays as (
    select
        *,
        lag(track_id) over (partition by user_id, session_id order by session_position)
            as previous_track_id,
        {{ dbt.datediff('played_at', 'max(played_at) over (partition by user_id)', 'second') }}
        / 86400.0 as age_days
    from session_plays
),

followers as (
    select
        earlier.user_id,
        earlier.previous_track_id,
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
    where
        earlier.previous_track_id is not null
        and earlier.previous_track_id != earlier.track_id
        and earlier.track_id != later.track_id
),

sequence_transitions as (
    select
        user_id,
        previous_track_id,
        track_id,
        next_track_id,
        count(*) as follow_ups,
        sum(
            power({{ var('recommendation_step_decay') | float }}, steps - 1)
            * power(0.5, age_days / {{ var('recommendation_transition_half_life_days') | float }})
        ) as weight
    from followers
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
