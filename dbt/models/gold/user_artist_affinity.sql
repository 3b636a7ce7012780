{#-
  affinity = sum over a user's plays of an artist of ms_played * 0.5 ^ (age_days / half life),
  age measured to a reference instant taken from the data, never the clock. It is computed in two
  factors so that everything but the last step depends on one user's plays only:
  0.5 ^ ((reference - played_at) / h) = 0.5 ^ ((last_played_at - played_at) / h)
                                      * 0.5 ^ ((reference - last_played_at) / h),
  the first summed per user and artist (affinity at the artist's last play; exponents <= 0, so no
  overflow), the second applied once the global reference is known.
-#}
{#- Ages in double: Snowflake would round a NUMBER quotient to a few decimals. -#}
{%- set half_life_ms = '(' ~ var('affinity_half_life_days') ~ ' * 86400000.0)' %}

with all_plays as (
    select * from {{ ref('silver_plays') }}
),

music_plays as (
    select *
    from all_plays
    where content_type = 'music'
),

artist_plays as (
    select
        user_id,
        artist_key,
        artist_name,
        is_counted_play,
        ms_played,
        played_at,
        max(played_at) over (partition by user_id, artist_key) as last_played_at,
        row_number() over (
            partition by user_id, artist_key
            order by played_at desc, play_id desc
        ) as recency_rank
    from music_plays
),

user_artists as (
    select
        user_id,
        artist_key,
        max(case when recency_rank = 1 then artist_name end) as artist_name,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        sum(ms_played) as listening_ms,
        max(last_played_at) as last_played_at,
        sum(
            ms_played * power(
                0.5, cast({{ dbt.datediff('played_at', 'last_played_at', 'millisecond') }} as double) / {{ half_life_ms }}
            )
        ) as affinity_at_last_play
    from artist_plays
    group by user_id, artist_key
),

{#- Global from here on: the reference instant is the latest play of anyone, of any content. #}
reference as (
    select max(played_at) as affinity_reference_at
    from all_plays
),

decayed_affinities as (
    select
        user_artists.*,
        reference.affinity_reference_at,
        user_artists.affinity_at_last_play * power(
            0.5,
            cast({{ dbt.datediff('user_artists.last_played_at', 'reference.affinity_reference_at', 'millisecond') }} as double)
            / {{ half_life_ms }}
        ) as affinity
    from user_artists
    cross join reference
),

user_totals as (
    select
        *,
        sum(affinity) over (partition by user_id) as user_affinity,
        count(*) over (partition by user_id) as user_artist_count,
        row_number() over (
            partition by user_id
            order by affinity desc, listening_ms desc, artist_key
        ) as affinity_rank
    from decayed_affinities
),

final as (
    select
        -- keys
        user_id,
        artist_key,
        artist_name,
        cast(affinity_rank as {{ dbt.type_bigint() }}) as affinity_rank,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,

        -- timestamps (UTC)
        last_played_at,
        affinity_reference_at,

        -- affinity
        cast(affinity as double) as affinity,
        cast(
            case
                {#- Only when every stream of the user played 0 ms: share alike, still summing to 1. #}
                when user_affinity = 0 then cast(1 as double) / user_artist_count
                else affinity / user_affinity
            end as double
        ) as affinity_share

    from user_totals
)

select * from final
