with sessionized_plays as (
    select * from {{ ref('int_plays_sessionized') }}
),

counted_plays as (
    select *
    from sessionized_plays
    where is_counted_play
),

sequenced_plays as (
    select
        user_id,
        track_id,
        lead(track_id) over (
            partition by session_id
            order by played_at, play_id
        ) as next_track_id
    from counted_plays
),

adjacent_pairs as (
    select
        user_id,
        track_id,
        next_track_id as related_track_id
    from sequenced_plays
    where
        next_track_id is not null
        and next_track_id != track_id
),

both_directions as (
    select
        user_id,
        track_id,
        related_track_id
    from adjacent_pairs

    union all

    select
        user_id,
        related_track_id as track_id,
        track_id as related_track_id
    from adjacent_pairs
),

pair_counts as (
    select
        track_id,
        related_track_id,
        count(*) as co_occurrences,
        count(distinct user_id) as listeners
    from both_directions
    group by track_id, related_track_id
),

scored_pairs as (
    select
        *,
        cast(co_occurrences as double)
        / max(co_occurrences) over (partition by track_id) as score
    from pair_counts
),

final as (
    select
        -- keys
        track_id,
        related_track_id,

        -- counts
        cast(co_occurrences as {{ dbt.type_bigint() }}) as co_occurrences,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners,

        -- score in (0, 1]
        cast(score as double) as score

    from scored_pairs
)

select * from final
