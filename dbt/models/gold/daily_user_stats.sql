{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ rebuild_changed_rows('user_id') }}"
    )
}}

{#-
  Per user: every row depends only on that user's silver_plays. Incremental by user: the users of
  int_stale_pairs are rebuilt from all of their plays. Music and podcasts share a day's row;
  podcasts only add podcast_ms.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where {{ changed_rows_filter('user_id') }}
),

classified_plays as (
    select
        *,
        case when content_type = 'music' then 1 else 0 end as is_music
    from plays
),

daily as (
    select
        user_id,
        listen_date,
        sum(case when is_music = 1 and is_counted_play then 1 else 0 end) as plays,
        sum(case when is_music = 1 and not is_counted_play then 1 else 0 end) as skips,
        sum(case when is_music = 1 then ms_played else 0 end) as listening_ms,
        count(distinct case when is_music = 1 then track_id end) as unique_tracks,
        count(distinct case when is_music = 1 then artist_name end) as unique_artists,
        sum(case when is_music = 1 then 0 else ms_played end) as podcast_ms,
        min(played_at) as first_played_at,
        max(played_at) as last_played_at
    from classified_plays
    group by user_id, listen_date
),

final as (
    select
        -- keys
        user_id,
        listen_date,

        -- counts (music)
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(unique_tracks as {{ dbt.type_bigint() }}) as unique_tracks,
        cast(unique_artists as {{ dbt.type_bigint() }}) as unique_artists,

        -- podcasts, kept apart
        cast(podcast_ms as {{ dbt.type_bigint() }}) as podcast_ms,

        -- timestamps (UTC)
        cast(first_played_at as {{ dbt.type_timestamp() }}) as first_played_at,
        cast(last_played_at as {{ dbt.type_timestamp() }}) as last_played_at

    from daily
)

-- stored by listener and day, so that DuckDB's zone maps let a read of one listener skip the
-- row groups of the others
select * from final
order by user_id, listen_date
