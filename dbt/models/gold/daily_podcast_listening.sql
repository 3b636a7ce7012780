{#-
  Podcasts, kept apart from music: per user, local day and show (the artist_name of a podcast
  stream, int_artist_content_types), the episodes and time listened. Every row depends only on
  one user's plays.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'podcast'
),

show_days as (
    select
        user_id,
        listen_date,
        artist_name as show_name,
        count(distinct track_id) as episodes,
        count(*) as streams,
        sum(ms_played) as listening_ms
    from plays
    group by user_id, listen_date, artist_name
),

final as (
    select
        -- keys
        user_id,
        listen_date,
        show_name,

        -- counts
        cast(episodes as {{ dbt.type_bigint() }}) as episodes,
        cast(streams as {{ dbt.type_bigint() }}) as streams,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms

    from show_days
)

-- stored by listener and day, so that DuckDB's zone maps let a read of one listener skip the
-- row groups of the others
select * from final
order by user_id, listen_date
