{#-
  A user's artist affinity (user_artist_affinity, recency-weighted listening time) min-max scaled
  over that user's artists into [0, 1]: the artist term of the ranker and of the original design's
  formula. A user with a single artist gets 1.
-#}
with affinity as (
    select * from {{ ref('user_artist_affinity') }}
),

bounds as (
    select
        user_id,
        artist_key,
        affinity,
        min(affinity) over (partition by user_id) as lowest,
        max(affinity) over (partition by user_id) as highest
    from affinity
),

final as (
    select
        -- keys
        user_id,
        artist_key,

        -- weights
        cast(
            case
                when highest > lowest then (affinity - lowest) / (highest - lowest)
                else 1.0
            end as double
        ) as scaled_affinity

    from bounds
)

{#- Sorted by the key the web app looks rows up by, so DuckDB's zone maps skip the other row groups. #}
select * from final
order by user_id, artist_key
