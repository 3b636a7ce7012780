{# The gold tables agree with each other: totals = sum over days = sum over tracks. #}
with totals as (
    select * from {{ ref('listening_totals') }}
),

daily_sums as (
    select
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(skips), 0) as skips,
        coalesce(sum(listening_ms), 0) as listening_ms
    from {{ ref('daily_listening_stats') }}
),

track_sums as (
    select
        coalesce(sum(plays), 0) as plays,
        count(*) as track_count
    from {{ ref('tracks') }}
),

mismatches as (
    select
        totals.total_plays,
        daily_sums.plays as daily_plays,
        track_sums.plays as track_plays,
        totals.unique_tracks,
        track_sums.track_count
    from totals
    cross join daily_sums
    cross join track_sums
    where
        totals.total_plays != daily_sums.plays
        or totals.total_skips != daily_sums.skips
        or totals.listening_ms != daily_sums.listening_ms
        or totals.total_plays != track_sums.plays
        or totals.unique_tracks != track_sums.track_count
)

select * from mismatches
