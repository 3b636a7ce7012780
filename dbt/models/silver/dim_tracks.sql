{#-
  A track's names come from the richest source (var source_priority) and, within it, the latest
  play: sources spell and complete names differently, and the richest one is the most reliable.
  duration_ms is taken in the same order from the plays that know it, since name-only exports
  leave it null even where another source has it.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
),

{#- Ranked on the few columns it needs: sorting whole rows of every play costs minutes at 10M. #}
ranked_plays as (
    select
        track_id,
        track_key,
        artist_key,
        track_name,
        artist_name,
        album_name,
        content_type,
        duration_ms,
        row_number() over (
            partition by track_id
            order by {{ source_rank('event_source') }}, played_at desc, play_id desc
        ) as name_rank,
        row_number() over (
            partition by track_id
            order by
                case when duration_ms is null then 1 else 0 end,
                {{ source_rank('event_source') }},
                played_at desc,
                play_id desc
        ) as duration_rank
    from plays
),

track_names as (
    select
        track_id,
        track_key,
        artist_key,
        track_name,
        artist_name,
        album_name,
        content_type
    from ranked_plays
    where name_rank = 1
),

track_durations as (
    select
        track_id,
        duration_ms
    from ranked_plays
    where duration_rank = 1
),

track_activity as (
    select
        track_id,
        min(played_at) as first_played_at,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        count(distinct case when is_counted_play then user_id end) as listeners,
        sum(ms_played) as listening_ms
    from plays
    group by track_id
),

final as (
    select
        -- ids
        track_activity.track_id,
        track_names.track_key,
        track_names.artist_key,

        -- names
        track_names.track_name,
        track_names.artist_name,
        track_names.album_name,

        -- track
        cast(track_durations.duration_ms as {{ dbt.type_bigint() }}) as duration_ms,
        track_names.content_type,

        -- timestamps (UTC)
        cast(track_activity.first_played_at as {{ dbt.type_timestamp() }}) as first_played_at,

        -- counts
        cast(track_activity.plays as {{ dbt.type_bigint() }}) as plays,
        cast(track_activity.listeners as {{ dbt.type_bigint() }}) as listeners,
        cast(track_activity.listening_ms as {{ dbt.type_bigint() }}) as listening_ms

    from track_activity
    inner join track_names
        on track_activity.track_id = track_names.track_id
    inner join track_durations
        on track_activity.track_id = track_durations.track_id
)

select * from final
