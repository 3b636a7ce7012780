{#
  The dashboard's fact tables add up to the daily figures they refine: summed per user and local
  day, daily_track_listening, hourly_listening and daily_device_listening give daily_user_stats'
  music plays, skips and listening_ms, daily_podcast_listening its podcast_ms, and
  dead_letter_reasons counts every dead letter. Each returned row is a user-day (or the dead
  letters) where a table disagrees.
#}
with daily as (
    select user_id, listen_date, plays, skips, listening_ms, podcast_ms
    from {{ ref('daily_user_stats') }}
),

{%- set facts = ['daily_track_listening', 'hourly_listening', 'daily_device_listening'] %}
{%- for fact in facts %}

{{ fact }}_days as (
    select
        user_id,
        listen_date,
        sum(plays) as plays,
        sum(skips) as skips,
        sum(listening_ms) as listening_ms
    from {{ ref(fact) }}
    group by user_id, listen_date
),
{%- endfor %}

podcast_days as (
    select user_id, listen_date, sum(listening_ms) as podcast_ms
    from {{ ref('daily_podcast_listening') }}
    group by user_id, listen_date
),

mismatches as (
{%- for fact in facts %}
    select '{{ fact }}' as fact_table, daily.user_id, daily.listen_date
    from daily
    full outer join {{ fact }}_days as fact_days
        on daily.user_id = fact_days.user_id and daily.listen_date = fact_days.listen_date
    where
        coalesce(daily.plays, 0) != coalesce(fact_days.plays, 0)
        or coalesce(daily.skips, 0) != coalesce(fact_days.skips, 0)
        or coalesce(daily.listening_ms, 0) != coalesce(fact_days.listening_ms, 0)

    union all
{%- endfor %}

    select 'daily_podcast_listening' as fact_table, daily.user_id, daily.listen_date
    from daily
    full outer join podcast_days
        on daily.user_id = podcast_days.user_id and daily.listen_date = podcast_days.listen_date
    where coalesce(daily.podcast_ms, 0) != coalesce(podcast_days.podcast_ms, 0)

    union all

    select 'dead_letter_reasons' as fact_table, null as user_id, null as listen_date
    from (select count(*) as dead_letters from {{ ref('stg_lake__dead_letters') }}) as lake
    cross join (
        select coalesce(sum(dead_letters), 0) as dead_letters from {{ ref('dead_letter_reasons') }}
    ) as gold
    where lake.dead_letters != gold.dead_letters
)

select * from mismatches
