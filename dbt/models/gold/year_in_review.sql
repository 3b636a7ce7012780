{#-
  A user's year in music, by local year (the year of listen_date, in the user's time zone). Every
  row depends only on its user's plays. Top lists, active days, streaks and discoveries go by
  counted plays; listening time, skips and the unique counts take skips in too, as everywhere.
-#}
{%- set top_count = 5 %}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

yearly_plays as (
    select
        play_id,
        user_id,
        track_id,
        track_name,
        artist_key,
        artist_name,
        is_counted_play,
        ms_played,
        played_at,
        listen_date,
        cast(extract(year from listen_date) as {{ dbt.type_int() }}) as listen_year
    from plays
),

year_totals as (
    select
        user_id,
        listen_year,
        sum(ms_played) as listening_ms,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        count(distinct track_id) as unique_tracks,
        count(distinct artist_key) as unique_artists
    from yearly_plays
    group by user_id, listen_year
),

counted_plays as (
    select *
    from yearly_plays
    where is_counted_play
),

{#- Top tracks: most counted plays, then most listening, then track_id; names as last played. #}
named_track_plays as (
    select
        *,
        row_number() over (
            partition by user_id, listen_year, track_id
            order by played_at desc, play_id desc
        ) as recency_rank
    from counted_plays
),

track_years as (
    select
        user_id,
        listen_year,
        track_id,
        max(case when recency_rank = 1 then track_name end) as track_name,
        count(*) as plays,
        sum(ms_played) as listening_ms
    from named_track_plays
    group by user_id, listen_year, track_id
),

ranked_tracks as (
    select
        *,
        row_number() over (
            partition by user_id, listen_year
            order by plays desc, listening_ms desc, track_id
        ) as track_rank
    from track_years
),

top_tracks as (
    select
        user_id,
        listen_year,
        max(case when track_rank = 1 then track_id end) as top_track_id,
        {{ dbt.listagg('track_name', "', '", 'order by track_rank') }} as top_tracks
    from ranked_tracks
    where track_rank <= {{ top_count }}
    group by user_id, listen_year
),

{#- Top artists: the same order over artist_key. #}
named_artist_plays as (
    select
        *,
        row_number() over (
            partition by user_id, listen_year, artist_key
            order by played_at desc, play_id desc
        ) as recency_rank
    from counted_plays
),

artist_years as (
    select
        user_id,
        listen_year,
        artist_key,
        max(case when recency_rank = 1 then artist_name end) as artist_name,
        count(*) as plays,
        sum(ms_played) as listening_ms
    from named_artist_plays
    group by user_id, listen_year, artist_key
),

ranked_artists as (
    select
        *,
        row_number() over (
            partition by user_id, listen_year
            order by plays desc, listening_ms desc, artist_key
        ) as artist_rank
    from artist_years
),

top_artists as (
    select
        user_id,
        listen_year,
        max(case when artist_rank = 1 then artist_key end) as top_artist_key,
        {{ dbt.listagg('artist_name', "', '", 'order by artist_rank') }} as top_artists
    from ranked_artists
    where artist_rank <= {{ top_count }}
    group by user_id, listen_year
),

{#- Streaks: consecutive active days share listen_date minus their day number (gaps and islands). #}
active_days as (
    select distinct
        user_id,
        listen_year,
        listen_date
    from counted_plays
),

numbered_days as (
    select
        *,
        row_number() over (
            partition by user_id, listen_year
            order by listen_date
        ) as day_number
    from active_days
),

day_islands as (
    select
        *,
        cast({{ dbt.dateadd('day', '-1 * day_number', 'listen_date') }} as date) as island_key
    from numbered_days
),

streaks as (
    select
        user_id,
        listen_year,
        count(*) as streak_days,
        min(listen_date) as streak_start,
        max(listen_date) as streak_end
    from day_islands
    group by user_id, listen_year, island_key
),

ranked_streaks as (
    select
        *,
        row_number() over (
            partition by user_id, listen_year
            order by streak_days desc, streak_start
        ) as streak_rank,
        sum(streak_days) over (partition by user_id, listen_year) as active_days
    from streaks
),

longest_streaks as (
    select *
    from ranked_streaks
    where streak_rank = 1
),

{#- Discoveries: the year of the user's first counted play ever of the track, of the artist. #}
first_track_years as (
    select
        user_id,
        track_id,
        min(listen_year) as first_year
    from counted_plays
    group by user_id, track_id
),

track_discoveries as (
    select
        user_id,
        first_year as listen_year,
        count(*) as new_tracks
    from first_track_years
    group by user_id, first_year
),

first_artist_years as (
    select
        user_id,
        artist_key,
        min(listen_year) as first_year
    from counted_plays
    group by user_id, artist_key
),

artist_discoveries as (
    select
        user_id,
        first_year as listen_year,
        count(*) as new_artists
    from first_artist_years
    group by user_id, first_year
),

final as (
    select
        -- keys
        year_totals.user_id,
        year_totals.listen_year,

        -- listening
        cast(year_totals.listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(year_totals.listening_ms as double) / 60000 as listening_minutes,
        cast(year_totals.plays as {{ dbt.type_bigint() }}) as plays,
        cast(year_totals.skips as {{ dbt.type_bigint() }}) as skips,
        cast(year_totals.unique_tracks as {{ dbt.type_bigint() }}) as unique_tracks,
        cast(year_totals.unique_artists as {{ dbt.type_bigint() }}) as unique_artists,

        -- top lists
        top_tracks.top_track_id,
        cast(top_tracks.top_tracks as {{ dbt.type_string() }}) as top_tracks,
        top_artists.top_artist_key,
        cast(top_artists.top_artists as {{ dbt.type_string() }}) as top_artists,

        -- days
        cast(coalesce(longest_streaks.active_days, 0) as {{ dbt.type_bigint() }}) as active_days,
        cast(coalesce(longest_streaks.streak_days, 0) as {{ dbt.type_bigint() }}) as longest_streak_days,
        longest_streaks.streak_start as longest_streak_start,
        longest_streaks.streak_end as longest_streak_end,

        -- discoveries
        cast(coalesce(track_discoveries.new_tracks, 0) as {{ dbt.type_bigint() }}) as new_tracks,
        cast(coalesce(artist_discoveries.new_artists, 0) as {{ dbt.type_bigint() }}) as new_artists

    from year_totals
    left join top_tracks
        on
            year_totals.user_id = top_tracks.user_id
            and year_totals.listen_year = top_tracks.listen_year
    left join top_artists
        on
            year_totals.user_id = top_artists.user_id
            and year_totals.listen_year = top_artists.listen_year
    left join longest_streaks
        on
            year_totals.user_id = longest_streaks.user_id
            and year_totals.listen_year = longest_streaks.listen_year
    left join track_discoveries
        on
            year_totals.user_id = track_discoveries.user_id
            and year_totals.listen_year = track_discoveries.listen_year
    left join artist_discoveries
        on
            year_totals.user_id = artist_discoveries.user_id
            and year_totals.listen_year = artist_discoveries.listen_year
)

select * from final
