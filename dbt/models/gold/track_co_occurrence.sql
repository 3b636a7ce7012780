with user_pairs as (
    select * from {{ ref('int_user_track_pairs') }}
),

{#- Everyone-level from here on: users' pairs added up and normalised per track. #}
capped_user_pairs as (
    select
        user_id,
        track_id,
        related_track_id,
        least(co_occurrences, {{ var('co_occurrence_user_cap') | int }}) as capped_co_occurrences
    from user_pairs
),

pair_counts as (
    select
        track_id,
        related_track_id,
        sum(capped_co_occurrences) as co_occurrences,
        count(distinct user_id) as listeners
    from capped_user_pairs
    group by track_id, related_track_id
),

scored_pairs as (
    select
        *,
        cast(co_occurrences as double)
        / max(co_occurrences) over (partition by track_id) as score
    from pair_counts
),

final as (
    select
        -- keys
        track_id,
        related_track_id,

        -- counts
        cast(co_occurrences as {{ dbt.type_bigint() }}) as co_occurrences,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners,

        -- score in (0, 1]
        cast(score as double) as score

    from scored_pairs
)

select * from final
