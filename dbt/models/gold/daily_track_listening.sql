{#-
  The dashboard's track facts: music per user, local day and track, so that top tracks, top
  artists, a track's or an artist's history and skip rates over any date range and any user are a
  filtered sum of this table rather than a scan of silver. Names are the latest of the day (a
  track can be renamed in the catalogue). Every row depends only on one user's plays.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

named_plays as (
    select
        *,
        row_number() over (
            partition by user_id, listen_date, track_id
            order by played_at desc, play_id desc
        ) as recency_rank
    from plays
),

day_tracks as (
    select
        user_id,
        listen_date,
        track_id,
        max(case when recency_rank = 1 then track_name end) as track_name,
        max(case when recency_rank = 1 then artist_key end) as artist_key,
        max(case when recency_rank = 1 then artist_name end) as artist_name,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        sum(ms_played) as listening_ms
    from named_plays
    group by user_id, listen_date, track_id
),

final as (
    select
        -- keys
        user_id,
        listen_date,
        track_id,

        -- names
        track_name,
        artist_key,
        artist_name,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms

    from day_tracks
)

-- stored by listener and day, so that DuckDB's zone maps let a read of one listener skip the
-- row groups of the others
select * from final
order by user_id, listen_date
