{#-
  The overview's figures over everyone for whole periods (all time, local year, month, ISO week;
  macro listening_periods): music plays, skips and listening time, and the counts that cannot be
  added up from days (listeners, days, tracks, artists), each counted once per period. A table
  over everyone, rebuilt each time from daily_track_listening (dbt/README.md, "Incremental
  builds").
-#}

with daily_track_listening as (
    select
        *,
        {{ iso_weekday('listen_date') }} as listen_weekday
    from {{ ref('daily_track_listening') }}
),

period_days as (
    {{ period_rows('daily_track_listening', [
        'listen_date', 'user_id', 'track_id', 'artist_name', 'plays', 'skips', 'listening_ms'
    ]) }}
),

period_totals as (
    select
        period_type,
        period_start,
        sum(plays) as plays,
        sum(skips) as skips,
        sum(listening_ms) as listening_ms,
        count(distinct user_id) as listeners,
        count(distinct listen_date) as days,
        min(listen_date) as first_day,
        max(listen_date) as last_day,
        count(distinct track_id) as unique_tracks,
        -- by name, as listening_totals counts artists
        count(distinct artist_name) as unique_artists
    from period_days
    group by period_type, period_start
),

final as (
    select
        -- keys
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners,
        cast(days as {{ dbt.type_bigint() }}) as days,

        -- local days with music, first and last
        first_day,
        last_day,

        -- distinct over the period
        cast(unique_tracks as {{ dbt.type_bigint() }}) as unique_tracks,
        cast(unique_artists as {{ dbt.type_bigint() }}) as unique_artists

    from period_totals
)

select * from final
order by period_type, period_start
