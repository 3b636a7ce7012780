{#-
  time_zone is silver_plays' (its one home: the seed, else var default_time_zone); the seed is
  joined only to say where it came from.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
),

user_time_zones as (
    select * from {{ ref('user_time_zones') }}
),

user_activity as (
    select
        user_id,
        max(time_zone) as time_zone,
        sum(case when content_type = 'music' and is_counted_play then 1 else 0 end) as plays,
        count(*) as streams,
        min(played_at) as first_played_at,
        max(played_at) as last_played_at,
        min(listen_date) as first_listen_date,
        max(listen_date) as last_listen_date
    from plays
    group by user_id
),

final as (
    select
        -- ids
        user_activity.user_id,

        -- time zone
        user_activity.time_zone,
        cast(case when user_time_zones.user_id is not null then 'seed' else 'default' end as {{ dbt.type_string() }}) as time_zone_source,

        -- timestamps (UTC)
        cast(user_activity.first_played_at as {{ dbt.type_timestamp() }}) as first_played_at,
        cast(user_activity.last_played_at as {{ dbt.type_timestamp() }}) as last_played_at,

        -- local dates
        user_activity.first_listen_date,
        user_activity.last_listen_date,

        -- counts
        cast(user_activity.plays as {{ dbt.type_bigint() }}) as plays,
        cast(user_activity.streams as {{ dbt.type_bigint() }}) as streams

    from user_activity
    left join user_time_zones
        on user_activity.user_id = user_time_zones.user_id
)

select * from final
