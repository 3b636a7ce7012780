{#
  The two pair rules of the recommendation models (models/gold/recommendations), one home each:
  what a user played after a track (session_follow_ups, read by user_track_transitions and
  user_sequence_transitions) and which tracks a user played in the same session as a track
  (session_pair_shares, read by user_track_neighbours and user_session_co_occurrence).
#}

{#
  session_follow_ups(session_plays): one row per pair of counted plays of one session where the
  later one, of a different track, came at most var('recommendation_transition_steps') positions
  after the earlier one. session_plays names a relation with the columns of
  recommendation_session_plays. Columns: user_id, session_id, previous_track_id (the counted play
  just before the earlier one in the session, null for a session's first), track_id, next_track_id,
  steps, step_weight (var('recommendation_step_decay') ^ (steps - 1)), recency (halving every
  var('recommendation_transition_half_life_days') before the user's latest counted play) and
  occurrence (1 for the user's latest play of track_id, 2 for the one before, and so on).
#}
{% macro session_follow_ups(session_plays) %}
    with aged_plays as (
        select
            *,
            lag(track_id) over (partition by user_id, session_id order by session_position)
                as previous_track_id,
            row_number() over (partition by user_id, track_id order by played_at desc, play_id desc)
                as occurrence,
            {{ dbt.datediff('played_at', 'max(played_at) over (partition by user_id)', 'second') }}
            / 86400.0 as age_days
        from {{ session_plays }}
    )

    select
        earlier.user_id,
        earlier.session_id,
        earlier.previous_track_id,
        earlier.track_id,
        later.track_id as next_track_id,
        later.session_position - earlier.session_position as steps,
        earlier.occurrence,
        power(
            {{ var('recommendation_step_decay') | float }},
            later.session_position - earlier.session_position - 1
        ) as step_weight,
        power(0.5, earlier.age_days / {{ var('recommendation_transition_half_life_days') | float }})
            as recency
    from aged_plays as earlier
    inner join aged_plays as later
        on
            earlier.user_id = later.user_id
            and earlier.session_id = later.session_id
            and later.session_position > earlier.session_position
            and later.session_position
            <= earlier.session_position + {{ var('recommendation_transition_steps') | int }}
    where earlier.track_id != later.track_id
{% endmacro %}


{#
  session_pair_shares(session_plays, window): one row per user and ordered pair of distinct tracks
  the user played in one session, with sessions_together (the user's sessions holding both),
  track_sessions (the user's sessions holding track_id) and share (sessions_together /
  track_sessions). session_plays names a relation with user_id, session_id and track_id, and
  session_position when window is given: then the two plays must be at most window positions
  apart, in either order. Without a window every pair of the session counts.
#}
{% macro session_pair_shares(session_plays, window=none) %}
    with track_sessions as (
        select
            user_id,
            track_id,
            count(distinct session_id) as sessions
        from {{ session_plays }}
        group by user_id, track_id
    ),

    together as (
        select
            seed.user_id,
            seed.track_id,
            other.track_id as related_track_id,
            count(distinct seed.session_id) as sessions_together
        from {{ session_plays }} as seed
        inner join {{ session_plays }} as other
            on
                seed.user_id = other.user_id
                and seed.session_id = other.session_id
                and seed.track_id != other.track_id
                {%- if window is not none %}
                and other.session_position
                between seed.session_position - {{ window | int }}
                and seed.session_position + {{ window | int }}
                {%- endif %}
        group by seed.user_id, seed.track_id, other.track_id
    )

    select
        together.user_id,
        together.track_id,
        together.related_track_id,
        cast(together.sessions_together as {{ dbt.type_bigint() }}) as sessions_together,
        cast(track_sessions.sessions as {{ dbt.type_bigint() }}) as track_sessions,
        cast(together.sessions_together as double) / track_sessions.sessions as share
    from together
    inner join track_sessions
        on together.user_id = track_sessions.user_id and together.track_id = track_sessions.track_id
{% endmacro %}
