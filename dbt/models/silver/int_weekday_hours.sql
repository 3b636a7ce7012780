{#- The 7 x 24 local hours of a week, so that gold.listening_clock has a cell for every hour. -#}

with weekdays as (
    {{ integer_rows('listen_weekday', 1, 7) }}
),

hours as (
    {{ integer_rows('listen_hour', 0, 23) }}
),

final as (
    select
        cast(weekdays.listen_weekday as {{ dbt.type_int() }}) as listen_weekday,
        cast(hours.listen_hour as {{ dbt.type_int() }}) as listen_hour
    from weekdays
    cross join hours
)

select * from final
