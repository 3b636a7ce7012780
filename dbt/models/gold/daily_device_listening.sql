{#-
  The dashboard's device facts: music per user, local day, device type and platform, so that the
  devices page can answer any date range and any user (gold.device_usage is all time only).
  Sources without device fields count as 'unknown', as in device_usage. Every row depends only on
  one user's plays.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

device_days as (
    select
        user_id,
        listen_date,
        coalesce(device_type, 'unknown') as device_type,
        coalesce(platform, 'unknown') as platform,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        sum(ms_played) as listening_ms
    from plays
    group by 1, 2, 3, 4
),

final as (
    select
        -- keys
        user_id,
        listen_date,
        cast(device_type as {{ dbt.type_string() }}) as device_type,
        cast(platform as {{ dbt.type_string() }}) as platform,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms

    from device_days
)

-- stored by listener and day, so that DuckDB's zone maps let a read of one listener skip the
-- row groups of the others
select * from final
order by user_id, listen_date
