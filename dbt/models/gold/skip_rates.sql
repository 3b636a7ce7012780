{#-
  Skip rates of music by one dimension at a time, in one table (dimension, dimension_key). skips
  are silver's (below var('play_threshold_ms')); reported_skips are what Spotify flagged
  (is_reported_skip), counted over the streams whose source has the flag (flagged_streams), so
  the two rates can be compared. Only the 'user' rows depend on a single user's plays; the
  'track', 'artist' and 'hour_of_day' rows are over everyone.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

dimensioned_plays as (
    select 'track' as dimension, track_id as dimension_key, is_skip, is_reported_skip
    from plays

    union all

    select 'artist' as dimension, artist_key as dimension_key, is_skip, is_reported_skip
    from plays

    union all

    select 'user' as dimension, user_id as dimension_key, is_skip, is_reported_skip
    from plays

    union all

    -- two digits, so that the keys sort by hour
    select
        'hour_of_day' as dimension,
        lpad(cast(listen_hour as {{ dbt.type_string() }}), 2, '0') as dimension_key,
        is_skip,
        is_reported_skip
    from plays
),

dimension_counts as (
    select
        dimension,
        dimension_key,
        count(*) as streams,
        sum(case when is_skip then 1 else 0 end) as skips,
        count(is_reported_skip) as flagged_streams,
        sum(case when is_reported_skip then 1 else 0 end) as reported_skips
    from dimensioned_plays
    group by dimension, dimension_key
),

final as (
    select
        -- keys
        cast(dimension as {{ dbt.type_string() }}) as dimension,
        cast(dimension_key as {{ dbt.type_string() }}) as dimension_key,

        -- silver's skips (the play threshold)
        cast(streams as {{ dbt.type_bigint() }}) as streams,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(skips as double) / streams as skip_rate,

        -- Spotify's skip flag, where the source has one
        cast(flagged_streams as {{ dbt.type_bigint() }}) as flagged_streams,
        cast(reported_skips as {{ dbt.type_bigint() }}) as reported_skips,
        case
            when flagged_streams > 0 then cast(reported_skips as double) / flagged_streams
        end as reported_skip_rate

    from dimension_counts
)

select * from final
