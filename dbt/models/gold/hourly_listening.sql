{#-
  The dashboard's clock facts: music per user, local day and local hour, for the listening clock
  (weekday x hour) and skip rates by hour over any date range and any user. Only hours with a
  stream have a row; the heat map fills the rest with zeros. Every row depends only on one user's
  plays.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

hours as (
    select
        user_id,
        listen_date,
        listen_weekday,
        listen_hour,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(case when is_counted_play then 0 else 1 end) as skips,
        sum(ms_played) as listening_ms
    from plays
    group by user_id, listen_date, listen_weekday, listen_hour
),

final as (
    select
        -- keys
        user_id,
        listen_date,
        cast(listen_hour as {{ dbt.type_int() }}) as listen_hour,

        -- the local weekday of listen_date, 1 = Monday
        cast(listen_weekday as {{ dbt.type_int() }}) as listen_weekday,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(skips as {{ dbt.type_bigint() }}) as skips,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms

    from hours
)

-- stored by listener and day, so that DuckDB's zone maps let a read of one listener skip the
-- row groups of the others
select * from final
order by user_id, listen_date
