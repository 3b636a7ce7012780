{#-
  The dashboard's top artists over everyone for whole periods (all time, local year, month, ISO
  week; macro listening_periods), grouped by artist_key as the day-level reads group them. Tracks
  and listeners are counted once per period. A table over everyone, rebuilt each time from
  daily_track_listening (dbt/README.md, "Incremental builds").
-#}

with daily_track_listening as (
    select
        *,
        {{ iso_weekday('listen_date') }} as listen_weekday
    from {{ ref('daily_track_listening') }}
),

period_days as (
    {{ period_rows('daily_track_listening', [
        'listen_date', 'user_id', 'track_id', 'artist_key', 'artist_name',
        'plays', 'skips', 'listening_ms'
    ]) }}
),

period_artists as (
    select
        period_type,
        period_start,
        artist_key,
        {{ latest_spelling('artist_name') }} as artist_name,
        count(distinct track_id) as tracks,
        sum(plays) as plays,
        sum(skips) as skips,
        sum(listening_ms) as listening_ms,
        count(distinct user_id) as listeners
    from period_days
    group by period_type, period_start, artist_key
),

final as (
    select
        -- keys
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        artist_key,

        -- the spelling of the period's latest day
        artist_name,

        -- counts
        cast(tracks as {{ dbt.type_bigint() }}) as tracks,
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners

    from period_artists
)

select * from final
order by period_type, period_start, artist_key
