{#-
  What everyone plays after a track: the users' decayed transition weights (user_track_transitions),
  each user adding at most var('co_occurrence_user_cap') to a pair so that one heavy listener
  cannot dominate it, summed over users and normalised into a probability per track_id.
-#}
with user_transitions as (
    select * from {{ ref('user_track_transitions') }}
),

{#- Everyone-level from here on. #}
pair_weights as (
    select
        track_id,
        next_track_id,
        sum(least(weight, {{ var('co_occurrence_user_cap') | float }})) as weight,
        sum(transitions) as transitions,
        count(distinct user_id) as listeners
    from user_transitions
    group by track_id, next_track_id
),

final as (
    select
        -- keys
        track_id,
        next_track_id,

        -- counts
        cast(transitions as {{ dbt.type_bigint() }}) as transitions,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners,

        -- weights
        cast(weight as double) as weight,
        cast(weight as double) / sum(cast(weight as double)) over (partition by track_id) as probability

    from pair_weights
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by track_id, next_track_id
