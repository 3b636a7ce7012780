{#-
  Every music track with its artist and its rank by counted plays, within its artist and over
  everyone: the cold-start answers (the seed artist's popular tracks, then everyone's) and the
  most-popular baseline of the evaluation.
-#}
with dim_tracks as (
    select * from {{ ref('dim_tracks') }}
),

music_tracks as (
    select
        track_id,
        artist_key,
        plays,
        listeners
    from dim_tracks
    where content_type = 'music' and plays > 0
),

final as (
    select
        -- keys
        track_id,
        artist_key,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners,

        -- ranks (1 = most played, then most listeners, then the id)
        cast(row_number() over (
            partition by artist_key order by plays desc, listeners desc, track_id
        ) as {{ dbt.type_bigint() }}) as artist_rank,
        cast(row_number() over (
            order by plays desc, listeners desc, track_id
        ) as {{ dbt.type_bigint() }}) as overall_rank

    from music_tracks
)

select * from final
