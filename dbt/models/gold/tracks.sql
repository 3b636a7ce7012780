{#- The webapp's track table (docs/data-contracts.md section 3): the music tracks of dim_tracks. -#}

with dim_tracks as (
    select * from {{ ref('dim_tracks') }}
),

music_tracks as (
    select *
    from dim_tracks
    where content_type = 'music'
),

final as (
    select
        -- ids
        track_id,

        -- names
        track_name,
        artist_name,

        -- counts
        plays,
        listeners

    from music_tracks
)

select * from final
