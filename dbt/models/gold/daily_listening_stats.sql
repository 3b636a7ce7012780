{#- The webapp's daily table (docs/data-contracts.md section 3): the music days of daily_user_stats. -#}

with daily_user_stats as (
    select * from {{ ref('daily_user_stats') }}
),

music_days as (
    select *
    from daily_user_stats
    where plays + skips > 0
),

final as (
    select
        -- keys
        user_id,
        listen_date,

        -- counts
        plays,
        skips,
        listening_ms,
        unique_tracks,
        unique_artists

    from music_days
)

-- stored by listener and day, so that DuckDB's zone maps let a read of one listener skip the
-- row groups of the others
select * from final
order by user_id, listen_date
