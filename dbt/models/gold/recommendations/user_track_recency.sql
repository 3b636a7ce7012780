{#-
  How much and how lately each user played each track: counted plays, each weighing half as much
  every var('recommendation_recency_half_life_days') before the user's own latest play (not the
  clock, so rebuilds agree; not everyone's latest, so a listener who stopped a year ago keeps
  their habits). familiarity scales a user's tracks into (0, 1]. People replay: the ranker uses it
  for the repeats that make up much of real listening, and to leave known tracks out of discovery.
-#}
with session_plays as (
    select * from {{ ref('recommendation_session_plays') }}
),

aged_plays as (
    select
        user_id,
        track_id,
        artist_key,
        played_at,
        {{ dbt.datediff('played_at', 'max(played_at) over (partition by user_id)', 'second') }}
        / 86400.0 as age_days
    from session_plays
),

user_tracks as (
    select
        user_id,
        track_id,
        max(artist_key) as artist_key,
        count(*) as plays,
        max(played_at) as last_played_at,
        sum(power(0.5, age_days / {{ var('recommendation_recency_half_life_days') | float }})) as recency_weight
    from aged_plays
    group by user_id, track_id
),

final as (
    select
        -- keys
        user_id,
        track_id,
        artist_key,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        last_played_at,

        -- weights
        cast(recency_weight as double) as recency_weight,
        cast(recency_weight as double)
        / max(cast(recency_weight as double)) over (partition by user_id) as familiarity

    from user_tracks
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, track_id
