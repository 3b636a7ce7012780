{#-
  The dashboard's top tracks over everyone for whole periods (all time, local year, month, ISO
  week; macro listening_periods), so that a page for such a period reads one row per track
  instead of summing daily_track_listening over the period. Listeners are counted once per
  period: distinct listeners cannot be summed over days. A table over everyone, rebuilt each
  time from daily_track_listening (dbt/README.md, "Incremental builds").
-#}

with daily_track_listening as (
    select
        *,
        {{ iso_weekday('listen_date') }} as listen_weekday
    from {{ ref('daily_track_listening') }}
),

period_days as (
    {{ period_rows('daily_track_listening', [
        'listen_date', 'user_id', 'track_id', 'track_name', 'artist_key', 'artist_name',
        'plays', 'skips', 'listening_ms'
    ]) }}
),

period_tracks as (
    select
        period_type,
        period_start,
        track_id,
        {{ latest_spelling('track_name') }} as track_name,
        {{ latest_spelling('artist_key') }} as artist_key,
        {{ latest_spelling('artist_name') }} as artist_name,
        sum(plays) as plays,
        sum(skips) as skips,
        sum(listening_ms) as listening_ms,
        count(distinct user_id) as listeners
    from period_days
    group by period_type, period_start, track_id
),

final as (
    select
        -- keys
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        track_id,

        -- names of the period's latest day
        track_name,
        artist_key,
        artist_name,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners

    from period_tracks
)

select * from final
order by period_type, period_start, track_id
