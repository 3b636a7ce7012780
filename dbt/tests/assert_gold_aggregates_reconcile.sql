{#
  The dimensions and the gold aggregates agree with listening_totals and with silver_plays: each
  row is one check whose two figures differ. Music figures reconcile with listening_totals (itself
  reconciled with daily_listening_stats and tracks by assert_gold_totals_reconcile); what
  listening_totals leaves out (podcasts, every stream) reconciles with silver_plays.
#}
with totals as (
    select * from {{ ref('listening_totals') }}
),

silver as (
    select
        count(*) as streams,
        count(distinct user_id) as users,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        coalesce(sum(ms_played), 0) as ms_played,
        coalesce(sum(case when content_type = 'podcast' then ms_played else 0 end), 0) as podcast_ms
    from {{ ref('silver_plays') }}
),

users_with_several_zones as (
    select count(*) as users
    from (
        select user_id
        from {{ ref('silver_plays') }}
        group by user_id
        having count(distinct time_zone) > 1
    ) as several_zones
),

silver_user_days as (
    select count(*) as user_days
    from (select distinct user_id, listen_date from {{ ref('silver_plays') }}) as user_days
),

daily as (
    select
        count(*) as user_days,
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(skips), 0) as skips,
        coalesce(sum(listening_ms), 0) as listening_ms,
        coalesce(sum(podcast_ms), 0) as podcast_ms
    from {{ ref('daily_user_stats') }}
),

users as (
    select
        count(*) as users,
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(streams), 0) as streams,
        coalesce(sum({{ dbt.datediff('first_listen_date', 'last_listen_date', 'day') }} + 1), 0) as range_days
    from {{ ref('dim_users') }}
),

music_tracks as (
    select
        count(*) as tracks,
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(listening_ms), 0) as listening_ms,
        coalesce(max(plays), 0) as top_plays
    from {{ ref('dim_tracks') }}
    where content_type = 'music'
),

artists as (
    select
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(listening_ms), 0) as listening_ms,
        coalesce(max(case when content_type = 'music' then plays end), 0) as top_music_plays
    from {{ ref('dim_artists') }}
),

everyone_devices as (
    select
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(skips), 0) as skips,
        coalesce(sum(listening_ms), 0) as listening_ms
    from {{ ref('device_usage') }}
    where scope = 'everyone'
),

user_devices as (
    select
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(listening_ms), 0) as listening_ms
    from {{ ref('device_usage') }}
    where scope = 'user'
),

user_device_shares as (
    select user_id, sum(share_of_listening_ms) as share
    from {{ ref('device_usage') }}
    where scope = 'user' and share_of_listening_ms is not null
    group by user_id
),

unshared_users as (
    select count(*) as users
    from user_device_shares
    where abs(share - 1) > 0.000001
),

clock as (
    select
        count(*) as cells,
        coalesce(sum(plays), 0) as plays,
        coalesce(sum(listening_ms), 0) as listening_ms
    from {{ ref('listening_clock') }}
),

skips_by_dimension as (
    select
        coalesce(sum(case when dimension = 'track' then streams else 0 end), 0) as track_streams,
        coalesce(sum(case when dimension = 'artist' then streams else 0 end), 0) as artist_streams,
        coalesce(sum(case when dimension = 'user' then streams else 0 end), 0) as user_streams,
        coalesce(sum(case when dimension = 'hour_of_day' then streams else 0 end), 0) as hour_streams,
        coalesce(sum(case when dimension = 'track' then skips else 0 end), 0) as track_skips,
        coalesce(sum(case when dimension = 'artist' then skips else 0 end), 0) as artist_skips,
        coalesce(sum(case when dimension = 'user' then skips else 0 end), 0) as user_skips,
        coalesce(sum(case when dimension = 'hour_of_day' then skips else 0 end), 0) as hour_skips
    from {{ ref('skip_rates') }}
),

top_everyone as (
    select
        coalesce(max(case when top_tracks.rank = 1 then top_tracks.plays end), 0) as top_track_plays
    from {{ ref('top_tracks') }} as top_tracks
    where top_tracks.scope = 'everyone' and top_tracks.period_type = 'all_time'
),

top_everyone_artists as (
    select
        coalesce(max(case when top_artists.rank = 1 then top_artists.plays end), 0) as top_artist_plays
    from {{ ref('top_artists') }} as top_artists
    where top_artists.scope = 'everyone' and top_artists.period_type = 'all_time'
),

gaps as (
    select coalesce(sum(gap_days), 0) as gap_days
    from {{ ref('listening_gaps') }}
),

checks as (
    select 'daily_user_stats.plays = total_plays' as check_name, daily.plays as actual, totals.total_plays as expected from daily cross join totals
    union all
    select 'daily_user_stats.skips = total_skips', daily.skips, totals.total_skips from daily cross join totals
    union all
    select 'daily_user_stats.listening_ms = listening_ms', daily.listening_ms, totals.listening_ms from daily cross join totals
    union all
    select 'daily_user_stats.podcast_ms = silver podcast ms', daily.podcast_ms, silver.podcast_ms from daily cross join silver
    union all
    select 'daily_user_stats rows = silver user days', daily.user_days, silver_user_days.user_days from daily cross join silver_user_days
    union all
    select 'dim_users rows = silver users', users.users, silver.users from users cross join silver
    union all
    select 'silver users with more than one time_zone', users_with_several_zones.users, 0 from users_with_several_zones
    union all
    select 'dim_users.plays = total_plays', users.plays, totals.total_plays from users cross join totals
    union all
    select 'dim_users.streams = silver rows', users.streams, silver.streams from users cross join silver
    union all
    select 'dim_tracks music rows = unique_tracks', music_tracks.tracks, totals.unique_tracks from music_tracks cross join totals
    union all
    select 'dim_tracks music plays = total_plays', music_tracks.plays, totals.total_plays from music_tracks cross join totals
    union all
    select 'dim_tracks music listening_ms = listening_ms', music_tracks.listening_ms, totals.listening_ms from music_tracks cross join totals
    union all
    select 'dim_artists.plays = silver plays', artists.plays, silver.plays from artists cross join silver
    union all
    select 'dim_artists.listening_ms = silver ms', artists.listening_ms, silver.ms_played from artists cross join silver
    union all
    select 'device_usage everyone plays = total_plays', everyone_devices.plays, totals.total_plays from everyone_devices cross join totals
    union all
    select 'device_usage everyone skips = total_skips', everyone_devices.skips, totals.total_skips from everyone_devices cross join totals
    union all
    select 'device_usage everyone listening_ms = listening_ms', everyone_devices.listening_ms, totals.listening_ms from everyone_devices cross join totals
    union all
    select 'device_usage user plays = total_plays', user_devices.plays, totals.total_plays from user_devices cross join totals
    union all
    select 'device_usage user listening_ms = listening_ms', user_devices.listening_ms, totals.listening_ms from user_devices cross join totals
    union all
    select 'device_usage users whose shares do not add up to 1', unshared_users.users, 0 from unshared_users
    union all
    select 'listening_clock cells = 168 per music listener', clock.cells, 168 * totals.unique_users from clock cross join totals
    union all
    select 'listening_clock plays = total_plays', clock.plays, totals.total_plays from clock cross join totals
    union all
    select 'listening_clock listening_ms = listening_ms', clock.listening_ms, totals.listening_ms from clock cross join totals
    {%- for dimension in ['track', 'artist', 'user', 'hour'] %}
    union all
    select 'skip_rates {{ dimension }} streams = plays + skips', skips_by_dimension.{{ dimension }}_streams, totals.total_plays + totals.total_skips from skips_by_dimension cross join totals
    union all
    select 'skip_rates {{ dimension }} skips = total_skips', skips_by_dimension.{{ dimension }}_skips, totals.total_skips from skips_by_dimension cross join totals
    {%- endfor %}
    union all
    select 'top_tracks everyone all-time first = most played track', top_everyone.top_track_plays, music_tracks.top_plays from top_everyone cross join music_tracks
    union all
    select 'top_artists everyone all-time first = most played artist', top_everyone_artists.top_artist_plays, artists.top_music_plays from top_everyone_artists cross join artists
    union all
    select 'listening_gaps days + listening days = users'' range days', gaps.gap_days + silver_user_days.user_days, users.range_days from gaps cross join silver_user_days cross join users
),

mismatches as (
    select check_name, actual, expected
    from checks
    where actual != expected
)

select * from mismatches
