{#-
  Which artists are podcast shows. Only name-only records can be episodes: the Web API and the
  extended exports name episodes apart and the importers keep them out, but the older basic
  exports (StreamingHistoryN.json) list an episode as a track, the show as its artist. A show
  differs from a long ambient album in how it is listened to: many long titles, most of whose
  streams stop before the end and resume later, where an ambient track is mostly played through.
  So an artist is a podcast when, over its name-only tracks,
    - at least var('podcast_min_long_titles') titles are longer than var('podcast_long_title_minutes')
      (a title's length is its longest stream, over every listener), and
    - under var('podcast_max_complete_share') of the streams of those long titles reach 90% of the
      title's length.
  Everything else is music. dbt/README.md shows the rule on the fixture exports.
-#}

with streams as (
    select * from {{ ref('silver_streams') }}
    where track_id like '{{ var("derived_track_id_prefix") }}%'
),

title_lengths as (
    select
        track_key,
        max(ms_played) as title_ms
    from streams
    group by track_key
),

long_title_streams as (
    select
        streams.artist_key,
        streams.track_key,
        case when streams.ms_played >= 0.9 * title_lengths.title_ms then 1 else 0 end as is_complete
    from streams
    inner join title_lengths
        on streams.track_key = title_lengths.track_key
    where title_lengths.title_ms > {{ var('podcast_long_title_minutes') }} * 60000
),

artist_listening as (
    select
        artist_key,
        count(distinct track_key) as long_titles,
        count(*) as long_title_streams,
        sum(is_complete) as complete_streams
    from long_title_streams
    group by artist_key
),

final as (
    select
        artist_key,
        cast(long_titles as {{ dbt.type_bigint() }}) as long_titles,
        cast(long_title_streams as {{ dbt.type_bigint() }}) as long_title_streams,
        cast(complete_streams as {{ dbt.type_bigint() }}) as complete_streams,
        cast('podcast' as {{ dbt.type_string() }}) as content_type
    from artist_listening
    where
        long_titles >= {{ var('podcast_min_long_titles') }}
        and complete_streams < {{ var('podcast_max_complete_share') }} * long_title_streams
)

select * from final
