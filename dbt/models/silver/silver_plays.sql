{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ rebuild_changed_rows(['user_id', 'track_key']) }}"
    )
}}

{#-
  One row per real play. Streams of one user and one track (track_key: the names, so that a
  name-only export record meets its Spotify-id twin) are merged in two steps:

  1. Within a source, a stream that ended less than var('dedup_tolerance_seconds') after the
     previous one and whose listening interval overlaps it by at least
     var('dedup_min_overlap_share') of the shorter of the two is the same play logged twice (basic
     exports hold such pairs, 30,333 ms and 30,888 ms ending in the same minute). The end times
     must be close because minute-rounded exports make a replay's interval seem to overlap the
     skip before it. The longest stream of the run stands for it.
  2. Across sources, the same play is reported with instants that disagree by up to a track's
     length (and exports round to the minute): two plays from different sources are one when their
     played_at differ by at most the track's length plus var('dedup_tolerance_seconds'), and each is
     the other's nearest in the other source (so two plays of a song on repeat pair up one to one).
     Candidates are looked for on the same and the neighbouring days only (no track lasts a day).
     The richest source (var source_priority) gives the play's fields.

  Incremental: the pairs of int_stale_pairs (a stream from the last build's latest arrival hour
  on, or a changed content type or user time zone) are recomputed from all of their streams;
  full refresh and incremental give the same rows.
-#}
{%- set tolerance_ms = var('dedup_tolerance_seconds') | int * 1000 %}

with all_streams as (
    select * from {{ ref('silver_streams') }}
),

content_types as (
    select * from {{ ref('int_artist_content_types') }}
),

user_time_zones as (
    select * from {{ ref('user_time_zones') }}
),

streams as (
    select * from all_streams
    where {{ changed_rows_filter(['user_id', 'track_key']) }}
),

sequenced_streams as (
    select
        *,
        lag(stream_started_at) over (
            partition by user_id, track_key, event_source
            order by played_at, event_id
        ) as previous_started_at,
        lag(played_at) over (
            partition by user_id, track_key, event_source
            order by played_at, event_id
        ) as previous_played_at,
        lag(ms_played) over (
            partition by user_id, track_key, event_source
            order by played_at, event_id
        ) as previous_ms_played
    from streams
),

stream_overlaps as (
    select
        *,
        {{ dbt.datediff(
            'case when previous_started_at > stream_started_at then previous_started_at else stream_started_at end',
            'case when previous_played_at < played_at then previous_played_at else played_at end',
            'millisecond') }} as overlap_ms
    from sequenced_streams
),

repeat_starts as (
    select
        *,
        case
            when previous_played_at is null then 1
            when overlap_ms <= 0 then 1
            when {{ dbt.datediff('previous_played_at', 'played_at', 'millisecond') }} >= {{ tolerance_ms }} then 1
            when overlap_ms < {{ var('dedup_min_overlap_share') }}
                * (case when previous_ms_played < ms_played then previous_ms_played else ms_played end)
                then 1
            else 0
        end as is_new_source_play
    from stream_overlaps
),

source_play_numbers as (
    select
        *,
        sum(is_new_source_play) over (
            partition by user_id, track_key, event_source
            order by played_at, event_id
            rows between unbounded preceding and current row
        ) as source_play_number
    from repeat_starts
),

source_play_ranks as (
    select
        *,
        row_number() over (
            partition by user_id, track_key, event_source, source_play_number
            order by ms_played desc, played_at, event_id
        ) as rank_in_source_play,
        count(*) over (
            partition by user_id, track_key, event_source, source_play_number
        ) as source_play_streams,
        max(arrival_hour) over (
            partition by user_id, track_key, event_source, source_play_number
        ) as source_play_arrival_hour
    from source_play_numbers
),

source_plays as (
    select
        *,
        {{ dbt.datediff("cast('1970-01-01' as date)", 'played_at', 'day') }} as match_day
    from source_play_ranks
    where rank_in_source_play = 1
),

{#- Only a (user, track) that more than one source reported can hold a cross-source twin: the
    matching below runs on those few plays, every other play stands alone. #}
contested_pairs as (
    select user_id, track_key
    from source_plays
    group by user_id, track_key
    having min(event_source) != max(event_source)
),

contested_plays as (
    select source_plays.*
    from source_plays
    inner join contested_pairs
        on
            source_plays.user_id = contested_pairs.user_id
            and source_plays.track_key = contested_pairs.track_key
),

{#- A match is at most a track's length apart, and no track is a day long: candidates are in the
    same or a neighbouring day. Each play is offered on its day and both neighbours, so the join
    is by equality and a song played a thousand times compares with a few plays, not all. #}
day_offsets as (
    select -1 as day_offset
    union all
    select 0 as day_offset
    union all
    select 1 as day_offset
),

match_candidates_by_day as (
    select
        contested_plays.*,
        contested_plays.match_day + day_offsets.day_offset as candidate_day
    from contested_plays
    cross join day_offsets
),

candidate_matches as (
    select
        this_play.event_id,
        other_play.event_id as other_event_id,
        other_play.event_source as other_source,
        abs({{ dbt.datediff('this_play.played_at', 'other_play.played_at', 'millisecond') }}) as distance_ms,
        other_play.played_at as other_played_at
    from contested_plays as this_play
    inner join match_candidates_by_day as other_play
        on
            this_play.user_id = other_play.user_id
            and this_play.track_key = other_play.track_key
            and this_play.match_day = other_play.candidate_day
            and this_play.event_source != other_play.event_source
    where
        abs({{ dbt.datediff('this_play.played_at', 'other_play.played_at', 'millisecond') }})
        <= coalesce(
            this_play.duration_ms,
            other_play.duration_ms,
            case when this_play.ms_played > other_play.ms_played then this_play.ms_played else other_play.ms_played end
        ) + {{ tolerance_ms }}
),

nearest_matches as (
    select
        event_id,
        other_event_id,
        row_number() over (
            partition by event_id, other_source
            order by distance_ms, other_played_at, other_event_id
        ) as nearness
    from candidate_matches
),

mutual_matches as (
    select forward.event_id, forward.other_event_id
    from nearest_matches as forward
    inner join nearest_matches as backward
        on
            forward.event_id = backward.other_event_id
            and forward.other_event_id = backward.event_id
    where forward.nearness = 1 and backward.nearness = 1
),

match_candidates as (
    select event_id, event_id as member_event_id from contested_plays
    union all
    select event_id, other_event_id as member_event_id from mutual_matches
),

ranked_members as (
    select
        match_candidates.event_id,
        match_candidates.member_event_id,
        row_number() over (
            partition by match_candidates.event_id
            order by member.source_rank, member.played_at, member.event_id
        ) as member_rank
    from match_candidates
    inner join contested_plays as member
        on match_candidates.member_event_id = member.event_id
),

first_anchors as (
    select event_id, member_event_id as anchor_event_id
    from ranked_members
    where member_rank = 1
),

{#- The anchor's anchor: a play matched through a middle source joins the richest one. #}
play_anchors as (
    select
        first_anchors.event_id,
        coalesce(anchor_of_anchor.anchor_event_id, first_anchors.anchor_event_id) as play_id
    from first_anchors
    left join first_anchors as anchor_of_anchor
        on first_anchors.anchor_event_id = anchor_of_anchor.event_id
),

contested_play_members as (
    select
        play_anchors.play_id,
        count(*) as source_plays,
        sum(contested_plays.source_play_streams) as streams,
        max(contested_plays.source_play_arrival_hour) as last_arrival_hour,
        {{ dbt.listagg('distinct contested_plays.event_source', "','", "order by contested_plays.event_source") }} as sources
    from play_anchors
    inner join contested_plays
        on play_anchors.event_id = contested_plays.event_id
    group by play_anchors.play_id
),

play_members as (
    select * from contested_play_members

    union all

    select
        source_plays.event_id as play_id,
        1 as source_plays,
        source_plays.source_play_streams as streams,
        source_plays.source_play_arrival_hour as last_arrival_hour,
        source_plays.event_source as sources
    from source_plays
    left join contested_pairs
        on
            source_plays.user_id = contested_pairs.user_id
            and source_plays.track_key = contested_pairs.track_key
    where contested_pairs.user_id is null
),

plays as (
    select
        anchor.*,
        play_members.source_plays,
        play_members.streams,
        play_members.sources,
        play_members.last_arrival_hour,
        coalesce(content_types.content_type, 'music') as content_type,
        coalesce(user_time_zones.time_zone, '{{ var("default_time_zone") }}') as time_zone
    from play_members
    inner join source_plays as anchor
        on play_members.play_id = anchor.event_id
    left join content_types
        on anchor.artist_key = content_types.artist_key
    left join user_time_zones
        on anchor.user_id = user_time_zones.user_id
),

localized_plays as (
    select
        *,
        {{ utc_to_local_timestamp('played_at', 'time_zone') }} as local_played_at
    from plays
),

final as (
    select
        -- ids
        event_id as play_id,
        user_id,
        track_id,
        track_key,
        artist_key,

        -- source
        event_source,
        cast(sources as {{ dbt.type_string() }}) as sources,
        cast(source_plays as {{ dbt.type_bigint() }}) as source_count,
        cast(streams as {{ dbt.type_bigint() }}) as stream_count,

        -- track
        track_name,
        artist_name,
        album_name,
        duration_ms,
        cast(content_type as {{ dbt.type_string() }}) as content_type,

        -- playback
        ms_played,
        is_counted_play,
        not is_counted_play as is_skip,
        device_type,
        platform,
        context_uri,
        is_shuffle,
        reason_start,
        reason_end,
        is_reported_skip,

        -- timestamps (UTC)
        stream_started_at as started_at,
        played_at,
        ingested_at,
        last_arrival_hour,

        -- in the user's time zone
        cast(time_zone as {{ dbt.type_string() }}) as time_zone,
        local_played_at,
        cast(local_played_at as date) as listen_date,
        cast(extract(hour from local_played_at) as {{ dbt.type_int() }}) as listen_hour,
        cast({{ iso_weekday('local_played_at') }} as {{ dbt.type_int() }}) as listen_weekday

    from localized_plays
)

select * from final
