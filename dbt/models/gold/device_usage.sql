{#-
  Music listening per device. The user rows (scope 'user') depend only on that user's plays; the
  everyone rows (scope 'everyone', user_id '*', macro everyone_user_id) are the branch
  everyone_devices, summed from the user rows.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

device_plays as (
    select
        user_id,
        coalesce(device_type, 'unknown') as device_type,
        coalesce(platform, 'unknown') as platform,
        is_counted_play,
        ms_played
    from plays
),

user_devices as (
    select
        'user' as scope,
        user_id,
        device_type,
        platform,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        sum(ms_played) as listening_ms
    from device_plays
    group by user_id, device_type, platform
),

everyone_devices as (
    select
        'everyone' as scope,
        {{ everyone_user_id() }} as user_id,
        device_type,
        platform,
        sum(plays) as plays,
        sum(skips) as skips,
        sum(listening_ms) as listening_ms
    from user_devices
    group by device_type, platform
),

scoped_devices as (
    select * from user_devices
    union all
    select * from everyone_devices
),

shares as (
    select
        *,
        sum(listening_ms) over (partition by scope, user_id) as scope_listening_ms
    from scoped_devices
),

final as (
    select
        -- keys
        cast(scope as {{ dbt.type_string() }}) as scope,
        user_id,
        cast(device_type as {{ dbt.type_string() }}) as device_type,
        cast(platform as {{ dbt.type_string() }}) as platform,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,

        -- share of the scope's listening_ms; null when it is 0 (nothing to share)
        case
            when scope_listening_ms > 0 then cast(listening_ms as double) / scope_listening_ms
        end as share_of_listening_ms

    from shares
)

select * from final
