{#-
  An artist is its artist_key (the trimmed, lower-cased name, macro artist_key); its displayed
  name is the spelling with the most counted plays (then the most streams, then the latest play),
  so that one odd spelling from one source does not rename an artist everyone knows.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
),

spellings as (
    select
        artist_key,
        artist_name,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        count(*) as streams,
        max(played_at) as last_played_at
    from plays
    group by artist_key, artist_name
),

ranked_spellings as (
    select
        *,
        row_number() over (
            partition by artist_key
            order by plays desc, streams desc, last_played_at desc, artist_name
        ) as spelling_rank
    from spellings
),

artist_activity as (
    select
        artist_key,
        -- one per artist_key (int_artist_content_types decides it per artist)
        max(content_type) as content_type,
        count(distinct track_id) as tracks,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        count(distinct case when is_counted_play then user_id end) as listeners,
        sum(ms_played) as listening_ms,
        min(played_at) as first_played_at
    from plays
    group by artist_key
),

final as (
    select
        -- ids
        artist_activity.artist_key,

        -- names
        ranked_spellings.artist_name,
        artist_activity.content_type,

        -- timestamps (UTC)
        cast(artist_activity.first_played_at as {{ dbt.type_timestamp() }}) as first_played_at,

        -- counts
        cast(artist_activity.tracks as {{ dbt.type_bigint() }}) as tracks,
        cast(artist_activity.plays as {{ dbt.type_bigint() }}) as plays,
        cast(artist_activity.listeners as {{ dbt.type_bigint() }}) as listeners,
        cast(artist_activity.listening_ms as {{ dbt.type_bigint() }}) as listening_ms

    from artist_activity
    inner join ranked_spellings
        on
            artist_activity.artist_key = ranked_spellings.artist_key
            and ranked_spellings.spelling_rank = 1
)

select * from final
