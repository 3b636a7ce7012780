{#-
  Which artists are podcast shows. Only name-only records can be episodes: the Web API and the
  extended exports name episodes apart and the importers keep them out, but the older basic
  exports (StreamingHistoryN.json) list an episode as a track, the show as its artist. A show
  differs from a long ambient album in how it is listened to: many long titles, most of whose
  streams stop before the end and resume later, where an ambient track is mostly played through.
  A daily news show is played through, though, and a show has far more long titles than an
  ambient artist. So an artist is a podcast when, over its name-only tracks (a title's length is
  its longest stream, over every listener), titles longer than var('podcast_long_title_minutes')
    - number at least var('podcast_many_long_titles'), or
    - number at least var('podcast_min_long_titles') and under var('podcast_max_complete_share')
      of their streams reach 90% of the title's length.
  The seed artist_content_types overrides the rule for the artists it names (either way).
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

podcasts_by_rule as (
    select
        artist_key,
        long_titles,
        long_title_streams,
        complete_streams
    from artist_listening
    where
        long_titles >= {{ var('podcast_many_long_titles') }}
        or (
            long_titles >= {{ var('podcast_min_long_titles') }}
            and complete_streams < {{ var('podcast_max_complete_share') }} * long_title_streams
        )
),

overrides as (
    select
        {{ artist_key('artist_name') }} as artist_key,
        content_type
    from {{ ref('artist_content_types') }}
),

decided as (
    select
        overrides.artist_key,
        overrides.content_type,
        'seed' as decided_by
    from overrides

    union all

    select
        podcasts_by_rule.artist_key,
        'podcast' as content_type,
        'rule' as decided_by
    from podcasts_by_rule
    where podcasts_by_rule.artist_key not in (select overrides.artist_key from overrides)
),

final as (
    select
        decided.artist_key,
        cast(decided.content_type as {{ dbt.type_string() }}) as content_type,
        cast(decided.decided_by as {{ dbt.type_string() }}) as decided_by,
        cast(coalesce(artist_listening.long_titles, 0) as {{ dbt.type_bigint() }}) as long_titles,
        cast(coalesce(artist_listening.long_title_streams, 0) as {{ dbt.type_bigint() }}) as long_title_streams,
        cast(coalesce(artist_listening.complete_streams, 0) as {{ dbt.type_bigint() }}) as complete_streams
    from decided
    left join artist_listening
        on decided.artist_key = artist_listening.artist_key
)

select * from final
