{#-
  The original design's co-occurrence, kept as a baseline of the evaluation: per user, the
  sessions in which two distinct tracks were both played, and the share of the sessions of
  track_id that also hold related_track_id. Every pair of a session, not a window, so it grows
  with the square of session length: built only when var('recommendation_baselines') is true
  (ops/evaluate-recommendations.sh sets it), empty otherwise.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
    {% if not var('recommendation_baselines') %}where false{% endif %}
),

session_tracks as (
    select distinct
        user_id,
        session_id,
        track_id
    from session_plays
),

track_sessions as (
    select
        user_id,
        track_id,
        count(*) as sessions
    from session_tracks
    group by user_id, track_id
),

together as (
    select
        seed.user_id,
        seed.track_id,
        other.track_id as related_track_id,
        count(*) as sessions_together
    from session_tracks as seed
    inner join session_tracks as other
        on
            seed.user_id = other.user_id
            and seed.session_id = other.session_id
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

select * from final
